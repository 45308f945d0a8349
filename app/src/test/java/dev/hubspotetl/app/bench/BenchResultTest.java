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

    static BenchResult result(double endToEnd, double loader, double ceiling, double share, long rateLimited) {
        return new BenchResult("2026-11-26T12:00:00Z", Map.of("cores", 2, "max_heap_mb", 4096L,
                "java_version", "17.0.9", "os", "Linux 6.1 amd64"), 20_000, 10.0, endToEnd,
                OptionalDouble.of(9_000), OptionalDouble.of(8_000), OptionalDouble.of(loader),
                OptionalDouble.of(ceiling), 50.0, 495, OptionalDouble.of(share), OptionalLong.of(rateLimited),
                300L << 20);
    }

    @Test
    void shouldDivideByTheCeiling() {
        BenchResult r = result(2_000, 3_600, 4_000, 0.99, 0);
        assertThat(r.endToEndRatio().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.loaderRatio().getAsDouble()).isCloseTo(0.9, within(1e-9));
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
        assertThat(met).extracting(BenchResult.Goal::met).containsExactly(true, true, true, null);
        List<BenchResult.Goal> missed = result(1_999, 3_599, 4_000, 0.99, 1).goals();
        assertThat(missed).extracting(BenchResult.Goal::met).containsExactly(false, false, false, null);
        assertThat(result(2_000, 3_600, 4_000, 0.94, 0).goals().get(2).met()).isFalse();
        assertThat(missed.get(3).verdict()).isEqualTo("not measured");
        assertThat(missed.get(0).verdict()).isEqualTo("NOT met");
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
                .containsKeys("extractor", "transformer", "loader");
        assertThat((Map<String, Object>) json.get("ratio_to_ceiling")).containsEntry("end_to_end", 0.5);
        assertThat((Map<String, Object>) json.get("hubspot_budget")).containsEntry("share", 0.97)
                .containsEntry("rate_limited_429", 0).containsEntry("calls", 495);
        assertThat((Map<String, Object>) json.get("machine")).containsEntry("cores", 2);
        assertThat((List<Object>) json.get("goals")).hasSize(4);
    }
}
