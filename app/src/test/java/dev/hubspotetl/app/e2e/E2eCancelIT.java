package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scan cancelled through the API while it runs (DESIGN §6, invariant 5): it ends {@code cancelled},
 * the extractor stops calling HubSpot, and the scan never turns {@code completed} afterwards. The
 * simulator allows 2 calls a second, so the 3,000-deal scan (30 pages) would run for 15 s; it is
 * cancelled after 5 pages, and HubSpot may serve at most 2 more pages (the one in flight and one for
 * the cancel's way through Kafka on a loaded machine).
 */
class E2eCancelIT {

    private static final String KEY = "cancel-key";
    private static final int PAGE = 100;
    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(3_000).seed(31).token("cancel-token")
                .rateLimit(2, Duration.ofSeconds(1)).searchRateLimitPerSecond(0).build());
        pipeline = new E2ePipeline("e2e-cancel", hubspot.baseUrl(), Map.of("portal", "cancel-token"),
                Map.of(KEY, "org-cancel"), Map.of("etl.hubspot.retry.max-rate-limit-retries", "200"));
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @Test
    void shouldStopCallingHubSpotAndStayCancelledWhenCancelledMidScan() {
        int activeDeals = hubspot.dataset().activeDeals().size();
        pipeline.submit(KEY, "cancel-1", "portal", PAGE, "");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> hubspot.stats().dealsServed() >= 5 * PAGE);
        assertThat(pipeline.status("cancel-1")).as("status mid-scan").isIn("pending", "running");

        long servedAtCancel = hubspot.stats().dealsServed();
        HttpResponse<String> cancel = pipeline.post(KEY, "/api/v1/scans/cancel-1/cancel", "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

        Map<String, Object> scan = pipeline.awaitFinished("cancel-1", Duration.ofSeconds(30));
        assertThat(scan).containsEntry("status", "cancelled");
        assertThat((String) scan.get("error_message")).startsWith("Cancelled");

        // HubSpot hears nothing more: the call count settles, then stays put for 3 s.
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = hubspot.stats().requests();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        long settled = last[0];
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> hubspot.stats().requests() == settled && "cancelled".equals(pipeline.status("cancel-1")));

        long servedAfterCancel = hubspot.stats().dealsServed() - servedAtCancel;
        assertThat(servedAfterCancel).as("deals HubSpot served after the cancel was accepted").isLessThanOrEqualTo(2 * PAGE);
        assertThat(hubspot.stats().dealsServed()).as("the scan did not run to its end").isLessThan(activeDeals);
        Map<String, Object> after = pipeline.scanRow("cancel-1");
        assertThat(after).containsEntry("status", "cancelled");
        assertThat(pipeline.jdbc().sql("SELECT COUNT(*) FROM hubspot_deals WHERE _scan_id = 'cancel-1'")
                .query(Long.class).single()).as("deals loaded").isLessThan(activeDeals);
        assertThat(pipeline.post(KEY, "/api/v1/scans/cancel-1/cancel", "").statusCode())
                .as("a finished scan cannot be cancelled again").isEqualTo(400);
    }
}
