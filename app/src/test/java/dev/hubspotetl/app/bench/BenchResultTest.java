package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultTest {

    /** A result whose loader alone ran at {@code loaderAlone} with a 200 MB peak heap. */
    static BenchResult result(double endToEnd, double loaderAlone, double ceiling, double share, long rateLimited) {
        return result(endToEnd, loaderAlone, ceiling, share, rateLimited, OptionalLong.of(200L << 20));
    }

    static BenchResult result(double endToEnd, double loaderAlone, double ceiling, double share, long rateLimited,
                              OptionalLong loaderHeap) {
        return new BenchResult("2026-11-26T12:00:00Z", Map.of("cores", 2, "max_heap_mb", 4096L,
                "java_version", "17.0.9", "os", "Linux 6.1 amd64"), true, 20_000, 10.0, endToEnd,
                OptionalDouble.of(9_000), OptionalDouble.of(8_000), OptionalDouble.of(1_800),
                OptionalDouble.of(loaderAlone), OptionalDouble.of(ceiling), List.of(ceiling, ceiling), 50.0, 495,
                OptionalDouble.of(share), OptionalLong.of(rateLimited), 300L << 20, loaderHeap,
                OptionalDouble.of(12_000), OptionalLong.of(150L << 20), OptionalDouble.of(11_000),
                OptionalLong.of(120L << 20));
    }

    @Test
    void shouldDivideByTheCeiling() {
        BenchResult r = result(2_000, 3_600, 4_000, 0.99, 0);
        assertThat(r.endToEndRatio().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.loaderAloneRatio().getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(r.loaderRatio().getAsDouble()).isCloseTo(0.45, within(1e-9));
    }

    @Test
    void shouldLeaveARatioEmptyWithoutACeiling() {
        assertThat(BenchResult.ratio(OptionalDouble.of(5), OptionalDouble.empty())).isEmpty();
        assertThat(BenchResult.ratio(OptionalDouble.of(5), OptionalDouble.of(0))).isEmpty();
        assertThat(BenchResult.ratio(OptionalDouble.empty(), OptionalDouble.of(5))).isEmpty();
    }

    @Test
    void shouldJudgeEachGoal() {
        List<BenchResult.Goal> met = result(2_000, 3_600, 4_000, 0.95, 0).goals();
        assertThat(met).extracting(BenchResult.Goal::met).containsExactly(true, true, true, true);
        List<BenchResult.Goal> missed = result(1_999, 3_599, 4_000, 0.99, 1, OptionalLong.of((256L << 20) + 1))
                .goals();
        assertThat(missed).extracting(BenchResult.Goal::met).containsExactly(false, false, false, false);
        assertThat(result(2_000, 3_600, 4_000, 0.94, 0).goals().get(2).met()).isFalse();
        assertThat(missed.get(0).verdict()).isEqualTo("NOT met");
        BenchResult.Goal unknownHeap = result(2_000, 3_600, 4_000, 0.95, 0, OptionalLong.empty()).goals().get(3);
        assertThat(unknownHeap.verdict()).isEqualTo("not measured");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteEveryFigureAsJson(@TempDir Path dir) throws Exception {
        Path file = BenchCommand.write(result(2_000, 3_600, 4_000, 0.97, 0), dir, "20261126-120000");
        assertThat(file.getFileName().toString()).isEqualTo("bench-20261126-120000.json");
        assertThat(Files.readString(dir.resolve("latest.json"))).isEqualTo(Files.readString(file));
        Map<String, Object> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(json).containsKeys("started_at", "machine", "deals", "deals_per_second", "ratio_to_ceiling",
                "hubspot_budget", "heap", "goals");
        Map<String, Object> rates = (Map<String, Object>) json.get("deals_per_second");
        assertThat(rates).containsEntry("end_to_end", 2000.0).containsEntry("database_ceiling", 4000.0)
                .containsEntry("loader_alone", 3600.0).containsEntry("transformer_alone", 12000.0)
                .containsEntry("extractor_alone", 11000.0)
                .containsKeys("extractor", "transformer", "loader");
        assertThat((Map<String, Object>) json.get("ratio_to_ceiling")).containsEntry("end_to_end", 0.5)
                .containsEntry("loader_alone", 0.9);
        assertThat((Map<String, Object>) json.get("heap")).containsEntry("loader_alone_peak_bytes", 200 << 20)
                .containsEntry("transformer_alone_peak_bytes", 150 << 20)
                .containsEntry("extractor_alone_peak_bytes", 120 << 20).containsEntry("alone_max_heap", "-Xmx256m");
        assertThat(json).containsEntry("warmed_up", true);
        assertThat((Map<String, Object>) json.get("hubspot_budget")).containsEntry("share", 0.97)
                .containsEntry("rate_limited_429", 0).containsEntry("calls", 495);
        assertThat((Map<String, Object>) json.get("machine")).containsEntry("cores", 2);
        assertThat((List<Object>) json.get("goals")).hasSize(4);
    }
}
