package dev.hubspotetl.app.bench;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The console table of a {@link BenchResult}. */
final class BenchTable {

    private BenchTable() {
    }

    static String render(BenchResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Benchmark of %,d deals, %s%n", r.deals(), r.startedAt()));
        Map<String, Object> m = r.machine();
        out.append(String.format(Locale.ROOT, "  machine: %s cores, max heap %s, Java %s, %s%n",
                m.get("cores"), m.get("max_heap_mb") + " MB", m.get("java_version"), m.get("os")));
        out.append(r.warmedUp() ? "  measured on a second scan of the same deals (the first warmed the JVM up)\n"
                : "  measured on the JVM's first scan (no warm-up)\n");
        out.append(String.format(Locale.ROOT, "%n  %-28s %14s %12s%n", "figure", "deals/s", "/ ceiling"));
        row(out, "end-to-end", OptionalDouble.of(r.endToEnd()), r.endToEndRatio());
        row(out, "extractor", r.extractor(), OptionalDouble.empty());
        row(out, "extractor alone (own JVM)", r.extractorAlone(), OptionalDouble.empty());
        row(out, "transformer", r.transformer(), OptionalDouble.empty());
        row(out, "transformer alone (own JVM)", r.transformerAlone(), OptionalDouble.empty());
        row(out, "loader (in the pipeline)", r.loader(), r.loaderRatio());
        row(out, "loader alone (own JVM)", r.loaderAlone(), r.loaderAloneRatio());
        row(out, "database ceiling", r.ceiling(), OptionalDouble.empty());
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", "end-to-end time",
                String.format(Locale.ROOT, "%.1f s", r.endToEndSeconds())));
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", "HubSpot budget used",
                BenchResult.percent(r.budgetShare())));
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", "  calls / measured seconds",
                String.format(Locale.ROOT, "%d / %.1f s", r.budgetCalls(), r.budgetSeconds())));
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", "  429 answers",
                r.rateLimited().isEmpty() ? "-" : String.valueOf(r.rateLimited().getAsLong())));
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", "peak heap, pipeline JVM",
                BenchResult.megabytes(r.peakHeapBytes())));
        heap(out, "peak heap, extractor alone", r.extractorAloneHeapBytes());
        heap(out, "peak heap, transformer alone", r.transformerAloneHeapBytes());
        heap(out, "peak heap, loader alone", r.loaderAloneHeapBytes());
        out.append(String.format(Locale.ROOT, "%n  %-28s %-12s %-20s %s%n", "goal", "target", "actual", "verdict"));
        for (BenchResult.Goal goal : r.goals()) {
            out.append(String.format(Locale.ROOT, "  %-28s %-12s %-20s %s%n", goal.name(), goal.target(),
                    goal.actual(), goal.verdict()));
        }
        return out.toString();
    }

    private static void heap(StringBuilder out, String name, java.util.OptionalLong bytes) {
        out.append(String.format(Locale.ROOT, "  %-28s %14s%n", name,
                bytes.isEmpty() ? "-" : BenchResult.megabytes(bytes.getAsLong()) + " of " + AloneProcess.HEAP));
    }

    private static void row(StringBuilder out, String name, OptionalDouble rate, OptionalDouble ratio) {
        out.append(String.format(Locale.ROOT, "  %-28s %14s %12s", name,
                rate.isEmpty() ? "-" : String.format(Locale.ROOT, "%,.0f", rate.getAsDouble()),
                ratio.isEmpty() ? "" : BenchResult.percent(ratio)).stripTrailing()).append(System.lineSeparator());
    }
}
