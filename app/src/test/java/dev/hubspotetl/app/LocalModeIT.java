package dev.hubspotetl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hubspotetl.app.console.ConsoleStyle;
import dev.hubspotetl.app.embedded.EmbeddedHubSpot;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import dev.hubspotetl.simulator.Dataset;
import dev.hubspotetl.simulator.SimulatedDeal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole local mode end to end, as {@code ./hubspot-etl demo --exit} runs it: an in-process KRaft
 * broker, an embedded PostgreSQL, the simulator, the three stages and the API in this JVM, a scan
 * submitted through the API, its summary; then a second run on the same data directory.
 */
class LocalModeIT {

    private static final int DEALS = 2_000;
    private static final Pattern SCAN_LINE = Pattern.compile("(?m)^Scan (demo-\\S+) (\\w+)$");

    private static List<String> listedDealIds;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void expectedPortal() {
        // What the simulator serves for this seed: a full scan lists every deal but the archived ones.
        Dataset dataset = Dataset.generate(EmbeddedHubSpot.config(DEALS, 42, false));
        listedDealIds = dataset.activeDeals().stream().map(SimulatedDeal::id).toList();
        assertThat(dataset.archivedDeals()).isNotEmpty();
    }

    @Test
    void shouldLoadEveryListedDealAndKeepEveryScanForTheNextRun() throws IOException {
        int kafkaPort = freePort();
        int postgresPort = freePort();

        String first = demo(kafkaPort, postgresPort);
        String firstScan = assertCompletedSummary(first);
        assertThat(first).doesNotContain("earlier scan");

        String second = demo(kafkaPort, postgresPort);
        String secondScan = assertCompletedSummary(second);
        assertThat(second).contains("The database holds 1 earlier scan(s): {completed=1}");
        assertThat(secondScan).isNotEqualTo(firstScan);

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort)) {
            JdbcClient jdbc = jdbc(postgres);
            for (String scanId : List.of(firstScan, secondScan)) {
                assertScanRow(jdbc, scanId);
                assertThat(jdbc.sql("SELECT deal_id FROM hubspot_deals WHERE _scan_id = ?").param(scanId)
                        .query(String.class).list()).as("deals of " + scanId)
                        .containsExactlyInAnyOrderElementsOf(listedDealIds);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scan_jobs").query(Long.class).single()).isEqualTo(2);
        }
    }

    /** Runs {@code demo --exit} through the CLI's entry point and returns what it printed. */
    private String demo(int kafkaPort, int postgresPort) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int apiPort = freePort();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
                return Main.run(new String[] {"demo", "--exit", "--deals=" + DEALS, "--data-dir=" + dataDir,
                        "--kafka-port=" + kafkaPort, "--postgres-port=" + postgresPort, "--api-port=" + apiPort},
                        out, Map.of(), ConsoleStyle.PLAIN);
            }
        }, () -> "demo did not finish; it printed:\n" + console.toString(StandardCharsets.UTF_8));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("http://localhost:" + apiPort);
        return printed;
    }

    private static String assertCompletedSummary(String printed) {
        Matcher scan = SCAN_LINE.matcher(printed);
        assertThat(scan.find()).as(printed).isTrue();
        assertThat(scan.group(2)).as(printed).isEqualTo("completed");
        String listed = String.format("%,d", listedDealIds.size());
        assertThat(printed)
                .contains("deals loaded   " + listed)
                .contains("deals failed   0")
                .contains("extracted      " + listed + "   (success rate 100.00%)")
                .containsPattern("all stages +" + listed + " ")
                .contains("X-API-Key: demo-key")
                .contains("[##############################] 100%")
                .contains("Stopping the extractor", "Stopping Kafka", "Stopping PostgreSQL");
        return scan.group(1);
    }

    private static void assertScanRow(JdbcClient jdbc, String scanId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT status, organization_id, total_items, processed_items, failed_items, success_rate,
                               started_at IS NOT NULL AS started, completed_at IS NOT NULL AS completed
                        FROM scan_jobs WHERE scan_id = ?""")
                .param(scanId).query().singleRow();
        assertThat(row).as(scanId).containsEntry("status", "completed")
                .containsEntry("organization_id", "demo")
                .containsEntry("total_items", listedDealIds.size())
                .containsEntry("processed_items", listedDealIds.size())
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%")
                .containsEntry("started", true)
                .containsEntry("completed", true);
    }

    private static JdbcClient jdbc(EmbeddedPostgresServer postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        return JdbcClient.create(dataSource);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
