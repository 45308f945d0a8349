package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_STATS;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_STATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;


/** GET one scan (progress, rate, estimate), the list of scans and the organization's stats. */
class ScanStatusIT extends ApiIntegrationTest {

    /** The stats organization's scans, newest last; read-only for every test of this class. */
    @BeforeAll
    static void seedStatsOrganization() {
        JdbcTemplate db = new JdbcTemplate(ApiTestEnvironment.get().dataSource);
        ScanFixture.scan("stats-p1", ORG_STATS).createdSecondsAgo(50).insert(db);
        ScanFixture.scan("stats-r1", ORG_STATS).status("running").counts(100, 40, 2).startedSecondsAgo(40)
                .createdSecondsAgo(40).insert(db);
        ScanFixture.scan("stats-c1", ORG_STATS).status("completed").counts(10, 9, 1).successRate("90.00%")
                .createdSecondsAgo(30).insert(db);
        ScanFixture.scan("stats-c2", ORG_STATS).status("completed").counts(5, 5, 0).successRate("100.00%")
                .createdSecondsAgo(20).insert(db);
        ScanFixture.scan("stats-f1", ORG_STATS).status("failed").scanType("legacy").error("HubSpot answered 401")
                .createdSecondsAgo(10).insert(db);
        DealFixture.deal("stats-c1", ORG_STATS, "1").insert(db);
        DealFixture.deal("stats-c1", ORG_STATS, "2").insert(db);
        DealFixture.deal("stats-c1", ORG_STATS, "3").createdAt(ScanFixture.utcNow().minusHours(2)).insert(db);
    }

    @Test
    void shouldShowARunningScansProgressRateAndEstimatedRemainingTime() {
        ScanFixture.scan("get-running", ORG_A).status("running").counts(1000, 300, 100).startedSecondsAgo(100)
                .insert(jdbc);

        JsonNode scan = ok(api.get(KEY_A, "/api/v1/scans/get-running"));

        assertThat(scan.get("status").stringValue()).isEqualTo("running");
        assertThat(scan.get("total_items").longValue()).isEqualTo(1000);
        assertThat(scan.get("processed_items").longValue()).isEqualTo(300);
        assertThat(scan.get("failed_items").longValue()).isEqualTo(100);
        assertThat(scan.get("progress_percent").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(scan.get("elapsed_seconds").doubleValue()).isCloseTo(100, within(5.0));
        assertThat(scan.get("deals_per_second").doubleValue()).isCloseTo(3.0, within(0.2));
        // 600 deals left at 3 deals/s.
        assertThat(scan.get("estimated_remaining_seconds").longValue()).isBetween(185L, 215L);
        assertThat(Instant.parse(scan.get("started_at").stringValue()))
                .isCloseTo(Instant.now().minusSeconds(100), within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(scan.get("links").get("self").stringValue()).isEqualTo("/api/v1/scans/get-running");
        assertThat(scan.get("links").get("deals").stringValue()).isEqualTo("/api/v1/scans/get-running/deals");
    }

    @Test
    void shouldComputeProgressAsTheSeedsQueryDoes() {
        ScanFixture.scan("get-third", ORG_A).status("running").counts(3, 1, 0).insert(jdbc);
        ScanFixture.scan("get-empty", ORG_A).status("pending").insert(jdbc);

        for (String scanId : List.of("get-third", "get-empty")) {
            BigDecimal seed = jdbc.queryForObject("""
                    SELECT CASE WHEN total_items > 0 THEN ROUND((processed_items * 100.0 / total_items), 2) ELSE 0 END
                    FROM scan_jobs WHERE scan_id = ?""", BigDecimal.class, scanId);
            JsonNode scan = ok(api.get(KEY_A, "/api/v1/scans/" + scanId));
            assertThat(scan.get("progress_percent").decimalValue()).isEqualByComparingTo(seed);
        }
        JsonNode pending = ok(api.get(KEY_A, "/api/v1/scans/get-empty"));
        assertThat(pending.get("progress_percent").decimalValue()).isEqualByComparingTo("0");
        assertThat(pending.get("deals_per_second").isNull()).isTrue();
        assertThat(pending.get("elapsed_seconds").isNull()).isTrue();
        assertThat(pending.get("estimated_remaining_seconds").isNull()).isTrue();
    }

    @Test
    void shouldShowAFinishedScansRateOverItsRunTimeWithoutAnEstimate() {
        ScanFixture.scan("get-done", ORG_A).status("completed").counts(500, 490, 10).successRate("98.00%")
                .startedSecondsAgo(200).completedSecondsAgo(100).insert(jdbc);
        ScanFixture.scan("get-failed", ORG_A).status("failed").error("HubSpot answered 401: bad token ref")
                .startedSecondsAgo(20).completedSecondsAgo(10).insert(jdbc);

        JsonNode done = ok(api.get(KEY_A, "/api/v1/scans/get-done"));
        assertThat(done.get("elapsed_seconds").doubleValue()).isCloseTo(100, within(1.0));
        assertThat(done.get("deals_per_second").doubleValue()).isCloseTo(4.9, within(0.1));
        assertThat(done.get("estimated_remaining_seconds").isNull()).isTrue();
        assertThat(done.get("success_rate").stringValue()).isEqualTo("98.00%");
        assertThat(done.get("completed_at").stringValue()).endsWith("Z");

        JsonNode failed = ok(api.get(KEY_A, "/api/v1/scans/get-failed"));
        assertThat(failed.get("error_message").stringValue()).isEqualTo("HubSpot answered 401: bad token ref");
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");
    }

    @Test
    void shouldAnswer404ToAnUnknownScan() {
        ApiClient.Response response = api.get(KEY_A, "/api/v1/scans/no-such-scan");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error_code").stringValue()).isEqualTo("SCAN_NOT_FOUND");
    }

    @Test
    void shouldListScansNewestFirstWithFiltersAndPages() {
        JsonNode all = ok(api.get(KEY_STATS, "/api/v1/scans"));
        assertThat(all.get("total").longValue()).isEqualTo(5);
        assertThat(all.get("page").intValue()).isZero();
        assertThat(all.get("size").intValue()).isEqualTo(50);
        assertThat(scanIds(all)).containsExactly("stats-f1", "stats-c2", "stats-c1", "stats-r1", "stats-p1");

        JsonNode second = ok(api.get(KEY_STATS, ApiClient.path("/api/v1/scans", "page", "1", "size", "2")));
        assertThat(second.get("total").longValue()).isEqualTo(5);
        assertThat(second.get("size").intValue()).isEqualTo(2);
        assertThat(scanIds(second)).containsExactly("stats-c1", "stats-r1");

        assertThat(scanIds(ok(api.get(KEY_STATS, "/api/v1/scans?status=completed"))))
                .containsExactly("stats-c2", "stats-c1");
        JsonNode legacy = ok(api.get(KEY_STATS, "/api/v1/scans?scan_type=legacy"));
        assertThat(scanIds(legacy)).containsExactly("stats-f1");
        assertThat(legacy.get("total").longValue()).isEqualTo(1);
        assertThat(scanIds(ok(api.get(KEY_STATS, "/api/v1/scans?status=running&scan_type=deals"))))
                .containsExactly("stats-r1");
        assertThat(scanIds(ok(api.get(KEY_STATS, "/api/v1/scans?page=9")))).isEmpty();
    }

    @Test
    void shouldRefuseBadListParametersListingEachOne() {
        ApiClient.Response response = api.get(KEY_STATS, "/api/v1/scans?status=done&page=-1&size=501");

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("details").forEach(d -> fields.add(d.get("field").stringValue()));
        assertThat(fields).containsExactlyInAnyOrder("status", "page", "size");
        assertThat(api.get(KEY_STATS, "/api/v1/scans?size=abc").status()).isEqualTo(400);
        assertThat(api.get(KEY_STATS, "/api/v1/scans?size=500").status()).isEqualTo(200);
    }

    @Test
    void shouldReportTheOrganizationsStats() {
        JsonNode stats = ok(api.get(KEY_STATS, "/api/v1/stats"));

        assertThat(stats.get("organization_id").stringValue()).isEqualTo(ORG_STATS);
        assertThat(stats.get("scans_total").longValue()).isEqualTo(5);
        JsonNode byStatus = stats.get("scans_by_status");
        assertThat(byStatus.get("pending").longValue()).isEqualTo(1);
        assertThat(byStatus.get("running").longValue()).isEqualTo(1);
        assertThat(byStatus.get("completed").longValue()).isEqualTo(2);
        assertThat(byStatus.get("failed").longValue()).isEqualTo(1);
        assertThat(byStatus.get("cancelled").longValue()).isZero();
        assertThat(stats.get("deals_total").longValue()).isEqualTo(3);
        assertThat(stats.get("deals_loaded_last_hour").longValue()).isEqualTo(2);
        assertThat(stats.get("items_total").longValue()).isEqualTo(115);
        assertThat(stats.get("items_processed").longValue()).isEqualTo(54);
        assertThat(stats.get("items_failed").longValue()).isEqualTo(3);
    }

    private static List<String> scanIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("scan_id").stringValue()));
        return ids;
    }
}
