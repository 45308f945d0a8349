package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An incremental scan through the whole pipeline: the extractor searches for deals modified since a
 * point in time, and exactly those deals are loaded, with the same values a full scan gives them. The
 * portal has 200 deals sharing one modification instant, the case that breaks offset paging.
 */
class E2eIncrementalIT {

    private static final String KEY = "incremental-key";
    private static final String ORG = "org-incremental";
    private static final Instant SHARED_INSTANT = Instant.parse("2025-05-31T22:00:00Z");
    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(2_000).seed(41).token("incremental-token")
                .sharedModificationInstantDeals(200).noRateLimits().build());
        pipeline = new E2ePipeline("e2e-incremental", hubspot.baseUrl(), Map.of("portal", "incremental-token"),
                Map.of(KEY, ORG), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @Test
    void shouldLoadExactlyTheDealsModifiedSinceTheGivenInstant() {
        List<SimulatedDeal> active = hubspot.dataset().activeDeals();
        // Since is the shared instant itself: the boundary is inclusive, so all 200 belong to the scan.
        Instant since = SHARED_INSTANT;
        List<SimulatedDeal> changed = active.stream().filter(deal -> !deal.updatedAt().isBefore(since)).toList();
        assertThat(changed).filteredOn(deal -> deal.updatedAt().equals(SHARED_INSTANT)).hasSize(200);
        assertThat(changed.size()).as("deals modified since " + since).isBetween(201, active.size() - 1);
        ExpectedDeals expected = new ExpectedDeals(ORG, "incremental-1", changed);

        pipeline.submit(KEY, "incremental-1", "portal", 100,
                "\"mode\":\"incremental\",\"since\":\"" + since + "\"");
        Map<String, Object> scan = pipeline.awaitFinished("incremental-1", Duration.ofMinutes(3));

        assertThat(scan).containsEntry("status", "completed")
                .containsEntry("total_items", changed.size())
                .containsEntry("processed_items", changed.size())
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%");
        expected.assertLoaded(pipeline.jdbc());
        expected.assertOnDealTopic(pipeline.readCommitted("deals"), pipeline.topic("deals"));
        assertThat(hubspot.stats().requests("search")).as("search calls").isPositive();
    }
}
