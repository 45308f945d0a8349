package dev.hubspotetl.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one {@code hubspot-etl bench} run measured; every rate is deals (or rows) per second, and a
 * figure that could not be measured is empty rather than zero.
 *
 * @param startedAt          when the run began (UTC, ISO-8601)
 * @param machine            cores, max heap, Java and OS
 * @param warmedUp           whether an unmeasured scan of the same deals ran first in this JVM
 * @param deals              deals the throughput scan loaded (the simulator's active deals)
 * @param endToEndSeconds    submission through the API to {@code scan_jobs.status = completed}
 * @param endToEnd           deals / endToEndSeconds
 * @param extractor          deals extracted / (EXTRACTION_STARTED to the last PAGE_EXTRACTED occurred_at)
 * @param transformer        Deal records / span in which they became visible to a read_committed consumer
 * @param loader             deals loaded / span of the loader's LOAD_PROGRESS events (in the pipeline)
 * @param loaderAlone        the same deals loaded again by the loader alone in its own JVM (see LoaderAlone)
 * @param ceiling            the same rows through COPY + INSERT ... ON CONFLICT into a fresh database: the
 *                           mean of {@code ceilingRuns}, measured before and after the loader alone
 * @param ceilingRuns        each measurement of the ceiling
 * @param budgetSeconds      how long the rate-limited scan's calls were measured (first window excluded)
 * @param budgetCalls        HubSpot calls made in that interval
 * @param budgetShare        budgetCalls / (10 calls per second x budgetSeconds)
 * @param rateLimited        429 answers during the rate-limited scan
 * @param peakHeapBytes      the whole JVM's peak heap during the throughput scan (all stages share it)
 * @param loaderAloneHeapBytes the loader-alone process's peak heap
 * @param transformerAlone   the same raw pages transformed again by the transformer alone in its own JVM
 * @param transformerAloneHeapBytes the transformer-alone process's peak heap
 * @param extractorAlone     the same portal scanned again by the extractor alone in its own JVM
 * @param extractorAloneHeapBytes the extractor-alone process's peak heap
 */
public record BenchResult(String startedAt, Map<String, Object> machine, boolean warmedUp, long deals,
                          double endToEndSeconds, double endToEnd, OptionalDouble extractor,
                          OptionalDouble transformer, OptionalDouble loader, OptionalDouble loaderAlone,
                          OptionalDouble ceiling, List<Double> ceilingRuns, double budgetSeconds, long budgetCalls,
                          OptionalDouble budgetShare, OptionalLong rateLimited, long peakHeapBytes,
                          OptionalLong loaderAloneHeapBytes,
                          OptionalDouble transformerAlone, OptionalLong transformerAloneHeapBytes,
                          OptionalDouble extractorAlone, OptionalLong extractorAloneHeapBytes) {

    static final double END_TO_END_GOAL = 0.50;
    static final double LOADER_GOAL = 0.90;
    static final double BUDGET_GOAL = 0.95;
    static final long LOADER_HEAP_GOAL_BYTES = 256L << 20;

    public BenchResult {
        machine = Map.copyOf(machine);
        ceilingRuns = List.copyOf(ceilingRuns);
    }

    /** A figure divided by the database ceiling; empty when either is unknown or the ceiling is zero. */
    static OptionalDouble ratio(OptionalDouble value, OptionalDouble ceiling) {
        if (value.isEmpty() || ceiling.isEmpty() || ceiling.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value.getAsDouble() / ceiling.getAsDouble());
    }

    OptionalDouble endToEndRatio() {
        return ratio(OptionalDouble.of(endToEnd), ceiling);
    }

    OptionalDouble loaderRatio() {
        return ratio(loader, ceiling);
    }

    OptionalDouble loaderAloneRatio() {
        return ratio(loaderAlone, ceiling);
    }

    /** One goal of the issue and whether this run met it: empty when it could not be judged. */
    record Goal(String name, String target, String actual, Boolean met) {

        String verdict() {
            return met == null ? "not measured" : met ? "met" : "NOT met";
        }
    }

    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        goals.add(atLeast("end-to-end / ceiling", END_TO_END_GOAL, endToEndRatio()));
        goals.add(atLeast("loader alone / ceiling", LOADER_GOAL, loaderAloneRatio()));
        Boolean budgetMet = budgetShare.isEmpty() || rateLimited.isEmpty() ? null
                : budgetShare.getAsDouble() >= BUDGET_GOAL && rateLimited.getAsLong() == 0;
        goals.add(new Goal("HubSpot budget used, 429s", ">= 95 %, 0",
                percent(budgetShare) + ", " + (rateLimited.isEmpty() ? "-" : rateLimited.getAsLong()), budgetMet));
        goals.add(new Goal("loader heap", "<= 256 MB", loaderAloneHeapBytes.isEmpty() ? "-"
                : megabytes(loaderAloneHeapBytes.getAsLong()), loaderAloneHeapBytes.isEmpty() ? null
                : loaderAloneHeapBytes.getAsLong() <= LOADER_HEAP_GOAL_BYTES));
        return goals;
    }

    private static Goal atLeast(String name, double target, OptionalDouble actual) {
        return new Goal(name, ">= " + Math.round(target * 100) + " %", percent(actual),
                actual.isEmpty() ? null : actual.getAsDouble() >= target);
    }

    static String percent(OptionalDouble value) {
        return value.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", value.getAsDouble() * 100);
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", bytes >> 20);
    }

    /** The JSON document, as nested maps (keys in a fixed order). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started_at", startedAt);
        json.put("machine", new java.util.TreeMap<>(machine));
        json.put("warmed_up", warmedUp);
        json.put("deals", deals);
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("end_to_end", endToEnd);
        rates.put("extractor", value(extractor));
        rates.put("transformer", value(transformer));
        rates.put("loader", value(loader));
        rates.put("loader_alone", value(loaderAlone));
        rates.put("transformer_alone", value(transformerAlone));
        rates.put("extractor_alone", value(extractorAlone));
        rates.put("database_ceiling", value(ceiling));
        json.put("deals_per_second", rates);
        json.put("database_ceiling_runs", ceilingRuns);
        json.put("end_to_end_seconds", endToEndSeconds);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("end_to_end", value(endToEndRatio()));
        ratios.put("loader", value(loaderRatio()));
        ratios.put("loader_alone", value(loaderAloneRatio()));
        json.put("ratio_to_ceiling", ratios);
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("limit_calls", 100);
        budget.put("limit_window_seconds", 10);
        budget.put("measured_seconds", budgetSeconds);
        budget.put("calls", budgetCalls);
        budget.put("share", value(budgetShare));
        budget.put("rate_limited_429", rateLimited.isEmpty() ? null : rateLimited.getAsLong());
        json.put("hubspot_budget", budget);
        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("peak_bytes", peakHeapBytes);
        heap.put("scope", "whole JVM during the throughput scan (all stages share one process)");
        heap.put("loader_alone_peak_bytes", loaderAloneHeapBytes.isEmpty() ? null : loaderAloneHeapBytes.getAsLong());
        heap.put("transformer_alone_peak_bytes", transformerAloneHeapBytes.isEmpty() ? null
                : transformerAloneHeapBytes.getAsLong());
        heap.put("extractor_alone_peak_bytes", extractorAloneHeapBytes.isEmpty() ? null
                : extractorAloneHeapBytes.getAsLong());
        heap.put("alone_max_heap", "-Xmx" + AloneProcess.HEAP);
        json.put("heap", heap);
        List<Map<String, Object>> goalList = new ArrayList<>();
        for (Goal goal : goals()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("goal", goal.name());
            g.put("target", goal.target());
            g.put("actual", goal.actual());
            g.put("met", goal.met());
            goalList.add(g);
        }
        json.put("goals", goalList);
        return json;
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
