package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A CANCEL on the control topic is prompt and final: a running scan stops calling HubSpot within one
 * page and ends CANCELLED, never COMPLETED; a scan waiting for a free slot is answered at once; a
 * cancel that arrives before its request means the scan never calls HubSpot at all.
 */
@IntegrationTest
class CancelScanIT {

    private static final String REF = "portal-a";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(600).noRateLimits().build());
        // 20 calls per second and one scan at a time: scans take long enough to be cancelled mid-way.
        harness = new ExtractorHarness("cancel").hubspot(hubspot, REF)
                .set("etl.extractor.max-concurrent-scans", 1)
                .set("etl.hubspot.rate-limit.requests", 20)
                .set("etl.hubspot.rate-limit.window", "1s");
        extractor = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldStopARunningScanWithinOnePageAndNeverCompleteIt() throws Exception {
        String scanId = "cancel-running";
        long callsBefore = hubspot.stats().requests("list");
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(5).build());
        await().atMost(WAIT).until(() -> harness.pages(scanId).size() >= 3);

        harness.cancel(scanId, "user asked");
        CancelRegistry registry = extractor.getBean(CancelRegistry.class);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> registry.isCancelled(scanId));
        // From the moment the extractor knows: the page in flight may finish, no other call starts.
        long callsAtCancel = hubspot.stats().requests("list");
        ScanEvent cancelled = harness.awaitEvent(scanId, ScanEventType.CANCELLED, WAIT);

        assertThat(cancelled.getErrorMessage()).isEqualTo("Cancelled: user asked");
        assertThat(cancelled.getEventId()).isEqualTo("extractor:" + scanId + ":cancelled");
        long callsAtEnd = hubspot.stats().requests("list");
        assertThat(callsAtEnd - callsAtCancel).as("HubSpot calls after the cancel").isLessThanOrEqualTo(1);
        await().during(Duration.ofMillis(700)).atMost(WAIT)
                .until(() -> hubspot.stats().requests("list") == callsAtEnd);
        assertThat(harness.events(scanId)).extracting(ScanEvent::getType)
                .doesNotContain(ScanEventType.EXTRACTION_COMPLETED);
        try (RecordCollector<String, ScanCheckpoint> checkpoints =
                     RecordCollector.committed(harness.checkpointTopic, new ScanCheckpointSerde())) {
            await().atMost(WAIT).until(() -> checkpoints.values().stream()
                    .anyMatch(c -> c.getScanId().equals(scanId) && c.getState() == ScanCheckpointState.CANCELLED));
            ScanCheckpoint last = checkpoints.values().stream()
                    .filter(c -> c.getScanId().equals(scanId) && c.getState() == ScanCheckpointState.CANCELLED)
                    .findFirst().orElseThrow();
            harness.pages().awaitCaughtUp();
            assertThat(harness.pages(scanId)).as("pages published, as the final checkpoint counts them")
                    .hasSize(last.getPagesPublished());
            assertThat(callsAtEnd - callsBefore).as("every page fetched was published, but at most the one in flight")
                    .isBetween((long) last.getPagesPublished(), last.getPagesPublished() + 1L);
        }
    }

    @Test
    void shouldAnswerTheCancelOfAScanWaitingForAFreeSlotAtOnce() {
        harness.send(Requests.full("long-running", ExtractorHarness.ORG, REF).setBatchSize(5).build());
        await().atMost(WAIT).until(() -> !harness.pages("long-running").isEmpty());
        harness.send(Requests.full("waiting", ExtractorHarness.ORG, REF).build());
        harness.awaitEvent("waiting", ScanEventType.EXTRACTION_STARTED, WAIT);

        harness.cancel("waiting", null);
        ScanEvent cancelled = harness.awaitEvent("waiting", ScanEventType.CANCELLED, WAIT);

        assertThat(cancelled.getErrorMessage()).isEqualTo("Cancelled");
        assertThat(harness.pages("waiting")).isEmpty();
        assertThat(harness.events("long-running")).extracting(ScanEvent::getType)
                .as("the running scan still runs").doesNotContain(ScanEventType.EXTRACTION_COMPLETED);
        harness.cancel("long-running", "cleanup");
        harness.awaitEvent("long-running", ScanEventType.CANCELLED, WAIT);
    }

    @Test
    void shouldNeverCallHubSpotForAScanCancelledBeforeItsRequestArrived() {
        long callsBefore = hubspot.stats().requests();
        harness.cancel("cancelled-early", "changed my mind");
        await().atMost(WAIT).until(() -> extractor.getBean(CancelRegistry.class).isCancelled("cancelled-early"));

        harness.send(Requests.full("cancelled-early", ExtractorHarness.ORG, REF).build());
        ScanEvent cancelled = harness.awaitEvent("cancelled-early", ScanEventType.CANCELLED, WAIT);

        assertThat(cancelled.getErrorMessage()).isEqualTo("Cancelled: changed my mind");
        assertThat(harness.events("cancelled-early")).extracting(ScanEvent::getType)
                .containsExactly(ScanEventType.CANCELLED);
        assertThat(hubspot.stats().requests()).isEqualTo(callsBefore);
    }
}
