package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.app.Main;
import dev.hubspotetl.app.console.ConsoleStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hubspot-etl bench} through {@code Main.run}, tiny: 3,000 deals and a 25 s rate-limited scan.
 * Checks that every figure is there and sane, not how fast this machine is.
 */
class BenchCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldMeasureEveryFigureAndWriteThemAsJson() throws Exception {
        Path output = dataDir.resolve("out");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(6), () -> Main.run(new String[] {"bench",
                "--deals=3000", "--bench.budget-seconds=25", "--data-dir=" + dataDir,
                "--kafka-port=" + freePort(), "--postgres-port=" + freePort(), "--api-port=0",
                "--bench.output-dir=" + output,
                // Batches small enough that the loader alone commits several: its rate is timed between them.
                "--etl.loader.max-poll-records=200"},
                new PrintStream(console, true, StandardCharsets.UTF_8), Map.of(), ConsoleStyle.PLAIN));
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("end-to-end / ceiling", "database ceiling", "HubSpot budget used", "latest.json");

        JsonNode json = new ObjectMapper().readTree(output.resolve("latest.json").toFile());
        assertThat(json.get("deals").asLong()).isBetween(2_000L, 3_000L);
        JsonNode rates = json.get("deals_per_second");
        for (String figure : new String[] {"end_to_end", "extractor", "transformer", "loader", "loader_alone",
                "transformer_alone", "extractor_alone", "database_ceiling"}) {
            assertThat(rates.get(figure).isNumber()).as(figure + " in " + rates + " of:\n" + text).isTrue();
            assertThat(rates.get(figure).asDouble()).as(figure).isPositive();
        }
        assertThat(json.at("/ratio_to_ceiling/end_to_end").asDouble()).isPositive();
        assertThat(json.at("/ratio_to_ceiling/loader").asDouble()).isPositive();
        JsonNode budget = json.get("hubspot_budget");
        assertThat(budget.get("rate_limited_429").isIntegralNumber()).as(budget.toString()).isTrue();
        assertThat(budget.get("measured_seconds").asDouble()).isGreaterThan(5);
        // The governor keeps to the budget: never more than a little over it, and not idle either.
        assertThat(budget.get("share").asDouble()).as(budget.toString()).isBetween(0.5, 1.1);
        assertThat(json.at("/heap/peak_bytes").asLong()).isPositive();
        // The loader alone ran as its own process, in its 256 MB heap, over the same deals.
        assertThat(json.at("/heap/loader_alone_peak_bytes").asLong()).isPositive().isLessThanOrEqualTo(256L << 20);
        // So did the transformer, over the same raw pages, writing exactly the scan's deals.
        assertThat(json.at("/heap/transformer_alone_peak_bytes").asLong()).isPositive()
                .isLessThanOrEqualTo(256L << 20);
        // And the extractor, scanning the same portal again: exactly the deals the timed scan loaded.
        assertThat(json.at("/heap/extractor_alone_peak_bytes").asLong()).isPositive().isLessThanOrEqualTo(256L << 20);
        assertThat(json.at("/ratio_to_ceiling/loader_alone").asDouble()).isPositive();
        assertThat(json.get("warmed_up").asBoolean()).isTrue();
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(json.get("goals")).hasSize(4);
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("bench-\\d{8}-\\d{6}\\.json"));
        }
        // The run's own PostgreSQL and Kafka data is deleted afterwards.
        try (var runs = Files.list(dataDir.resolve("bench"))) {
            assertThat(runs).isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
