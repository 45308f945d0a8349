package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.SimulatorStats;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HubSpot misbehaving during a scan: server errors, dropped connections and truncated bodies, then a
 * 429 storm. Each scan must still complete with exactly the portal's deals and exact counts (DESIGN §6,
 * invariants 1, 2 and 7). The simulator's faults are a pure function of (seed, call number), so a
 * scan meets the same faults on every run. Ten attempts per call keep a 30 % fault rate from
 * exhausting a call's retries (0.3^10).
 */
class E2eFaultsIT {

    private static final String KEY = "faults-key";
    private static final String ORG = "org-faults";
    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_500).seed(21).token("faults-token")
                .noRateLimits().build());
        pipeline = new E2ePipeline("e2e-faults", hubspot.baseUrl(), Map.of("portal", "faults-token"),
                Map.of(KEY, ORG), Map.of("etl.hubspot.retry.max-attempts", "10",
                        "etl.hubspot.retry.max-rate-limit-retries", "200"));
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @BeforeEach
    void wellBehavedHubSpot() {
        hubspot.setFaultRate(0);
        hubspot.setFaultKinds(EnumSet.allOf(FaultKind.class));
        hubspot.setRateLimit(0, Duration.ofSeconds(10));
    }

    @Test
    void shouldCompleteExactlyThroughServerErrorsSlowAnswersAndDroppedConnections() {
        hubspot.setFaultKinds(EnumSet.of(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503,
                FaultKind.HTTP_504, FaultKind.SLOW, FaultKind.DISCONNECT));
        hubspot.setSlowAnswerDelay(Duration.ofMillis(300));
        hubspot.setFaultRate(0.3);
        SimulatorStats before = hubspot.stats();

        ExpectedDeals expected = scan("faults-5xx");

        SimulatorStats after = hubspot.stats();
        assertThat(after.faults() - before.faults()).as("faults met").isGreaterThanOrEqualTo(3);
        assertThat(faults(after, FaultKind.DISCONNECT) - faults(before, FaultKind.DISCONNECT))
                .as("dropped connections met").isPositive();
        assertThat(after.requests() - before.requests()).as("calls: every page, and a retry per fault")
                .isGreaterThanOrEqualTo(expected.size() / 100 + after.faults() - before.faults());
    }

    @Test
    void shouldRetryTruncatedJsonPagesAndCompleteExactly() {
        hubspot.setFaultKinds(EnumSet.of(FaultKind.MALFORMED_JSON));
        hubspot.setFaultRate(0.4);
        SimulatorStats before = hubspot.stats();

        scan("faults-malformed");

        assertThat(faults(hubspot.stats(), FaultKind.MALFORMED_JSON) - faults(before, FaultKind.MALFORMED_JSON))
                .as("truncated bodies served").isGreaterThanOrEqualTo(3);
        assertThat(pipeline.readCommitted("deals-dlq")).as("nothing malformed reached the transformer").isEmpty();
    }

    @Test
    void shouldWaitOutA429StormThatStartsMidScan() {
        // Slow enough that the scan is still running when the storm starts: 10 calls a second.
        hubspot.setRateLimit(10, Duration.ofSeconds(1));
        SimulatorStats before = hubspot.stats();
        ExpectedDeals expected = new ExpectedDeals(ORG, "faults-429", hubspot.dataset().activeDeals());
        pipeline.submit(KEY, "faults-429", "portal", 100, "");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> hubspot.stats().dealsServed() - before.dealsServed() >= 300);
        assertThat(pipeline.status("faults-429")).as("status mid-scan").isIn("pending", "running");
        hubspot.setRateLimit(2, Duration.ofSeconds(1));

        assertCompletedExactly("faults-429", expected);
        assertThat(hubspot.stats().rateLimited() - before.rateLimited()).as("429s answered").isPositive();
    }

    private static ExpectedDeals scan(String scanId) {
        ExpectedDeals expected = new ExpectedDeals(ORG, scanId, hubspot.dataset().activeDeals());
        pipeline.submit(KEY, scanId, "portal", 100, "");
        assertCompletedExactly(scanId, expected);
        return expected;
    }

    private static void assertCompletedExactly(String scanId, ExpectedDeals expected) {
        Map<String, Object> scan = pipeline.awaitFinished(scanId, Duration.ofMinutes(3));
        assertThat(scan).containsEntry("status", "completed")
                .containsEntry("total_items", expected.size())
                .containsEntry("processed_items", expected.size())
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%");
        expected.assertLoaded(pipeline.jdbc());
        expected.assertOnDealTopic(pipeline.readCommitted("deals"), pipeline.topic("deals"));
    }

    private static long faults(SimulatorStats stats, FaultKind kind) {
        return stats.faultsByKind().getOrDefault(kind, 0L);
    }
}
