package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One full scan through every hop: API → hubspot.scan-requests → extractor → hubspot.deals.raw →
 * transformer → hubspot.deals → loader → PostgreSQL, then read back through the API. DESIGN §6,
 * invariants 1 and 2, deal by deal.
 */
class E2eFullScanIT {

    private static final String KEY = "full-key";
    private static final String ORG = "org-full";
    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(2_000).seed(8).token("full-token")
                .noRateLimits().build());
        pipeline = new E2ePipeline("e2e-full", hubspot.baseUrl(), Map.of("portal", "full-token"),
                Map.of(KEY, ORG), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @Test
    void shouldLoadEveryActiveDealOnceWithNormalizedValuesAndExactCounts() throws Exception {
        ExpectedDeals expected = new ExpectedDeals(ORG, "full-1", hubspot.dataset().activeDeals());
        assertThat(expected.size()).isBetween(1_800, 1_999);

        pipeline.submit(KEY, "full-1", "portal", 100, "\"mode\":\"full\"");
        Map<String, Object> scan = pipeline.awaitFinished("full-1", Duration.ofMinutes(3));

        int deals = expected.size();
        expected.assertCompleted(scan, ORG);
        expected.assertLoaded(pipeline.jdbc());
        expected.assertOnDealTopic(pipeline.readCommitted("deals"), pipeline.topic("deals"));
        assertThat(pipeline.readCommitted("deals-dlq")).as("dead letters").isEmpty();

        HttpResponse<String> status = pipeline.get(KEY, "/api/v1/scans/full-1");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode view = new ObjectMapper().readTree(status.body());
        assertThat(view.path("status").asText()).isEqualTo("completed");
        assertThat(view.path("total_items").asLong()).isEqualTo(deals);
        assertThat(view.path("processed_items").asLong()).isEqualTo(deals);
        assertThat(view.path("failed_items").asLong()).isZero();
        assertThat(view.path("success_rate").asText()).isEqualTo("100.00%");
        JsonNode page = new ObjectMapper().readTree(pipeline.get(KEY, "/api/v1/scans/full-1/deals?size=1").body());
        assertThat(page.path("total").asLong()).isEqualTo(deals);
    }
}
