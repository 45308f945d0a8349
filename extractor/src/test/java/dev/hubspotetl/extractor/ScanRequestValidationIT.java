package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bad scan requests are answered, not swallowed, and never stop the consumer: an invalid one gets an
 * EXTRACTION_FAILED saying exactly what is wrong (and a FAILED checkpoint), an undecodable one goes
 * to the dead-letter topic with error headers; and a scan id never runs twice, across restarts too.
 */
@IntegrationTest
class ScanRequestValidationIT {

    private static final String REF = "portal-a";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(150).noRateLimits().build());
        harness = new ExtractorHarness("validation").hubspot(hubspot, REF);
        extractor = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldAnswerEachInvalidRequestWithExtractionFailedSayingExactlyWhatIsWrong() throws Exception {
        long callsBefore = hubspot.stats().requests();
        Map<String, ScanRequest> invalid = Map.of(
                "bad-type", Requests.full("bad-type", ExtractorHarness.ORG, REF).setScanType("contacts").build(),
                "bad-mode", Requests.full("bad-mode", ExtractorHarness.ORG, REF).setMode("partial").build(),
                "no-credential", Requests.full("no-credential", ExtractorHarness.ORG, "").build(),
                "unknown-credential", Requests.full("unknown-credential", ExtractorHarness.ORG, "portal-x").build(),
                "batch-zero", Requests.full("batch-zero", ExtractorHarness.ORG, REF).setBatchSize(0).build(),
                "batch-101", Requests.full("batch-101", ExtractorHarness.ORG, REF).setBatchSize(101).build(),
                "no-since", Requests.full("no-since", ExtractorHarness.ORG, REF).setMode("incremental").build(),
                "bad-property", Requests.full("bad-property", ExtractorHarness.ORG, REF)
                        .setProperties(List.of("dealname", "amount,closedate")).build(),
                "two-problems", Requests.full("two-problems", ExtractorHarness.ORG, REF).setScanType("tickets")
                        .setBatchSize(500).build());
        invalid.values().forEach(harness::send);

        Map<String, String> expected = Map.of(
                "bad-type", "scan_type 'contacts' is not supported; the extractor supports 'deals'",
                "bad-mode", "mode 'partial' is not supported; use 'full' or 'incremental'",
                "no-credential", "credential_ref is missing",
                "unknown-credential", "credential_ref 'portal-x' is unknown to the extractor (configure "
                        + "etl.hubspot.credentials.portal-x)",
                "batch-zero", "batch_size 0 is outside 1-100",
                "batch-101", "batch_size 101 is outside 1-100",
                "no-since", "mode 'incremental' needs 'since' (deals modified at or after it are extracted)",
                "bad-property", "properties 'amount,closedate' are not HubSpot property names (letters, digits and"
                        + " underscores)",
                "two-problems", "scan_type 'tickets' is not supported; the extractor supports 'deals'; batch_size 500"
                        + " is outside 1-100");
        try (RecordCollector<String, ScanCheckpoint> checkpoints =
                     RecordCollector.committed(harness.checkpointTopic, new ScanCheckpointSerde())) {
            expected.forEach((scanId, problem) -> {
                ScanEvent failed = harness.awaitEvent(scanId, ScanEventType.EXTRACTION_FAILED, WAIT);
                assertThat(failed.getErrorMessage()).isEqualTo("Invalid scan request: " + problem);
                assertThat(failed.getHttpStatus()).isNull();
                assertThat(failed.getStage()).isEqualTo("extractor");
                assertThat(failed.getEventId()).isEqualTo("extractor:" + scanId + ":failed");
                assertThat(harness.events(scanId)).hasSize(1);
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(checkpoints.values())
                    .filteredOn(c -> expected.containsKey(c.getScanId()))
                    .hasSize(expected.size())
                    .allSatisfy(c -> assertThat(c.getState()).isEqualTo(ScanCheckpointState.FAILED)));
        }
        assertThat(hubspot.stats().requests()).as("no invalid request reached HubSpot").isEqualTo(callsBefore);
    }

    @Test
    void shouldDeadLetterAnUndecodableRequestAndKeepConsuming() {
        RecordCollector<byte[], byte[]> dlq = harness.dlq();
        byte[] poison = "{\"scan_id\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        harness.sendRaw(harness.topics.scanRequests(), ExtractorHarness.ORG, poison);
        harness.send(Requests.full("", ExtractorHarness.ORG, REF).build());
        harness.send(Requests.full("after-poison", ExtractorHarness.ORG, REF).build());

        harness.awaitCompleted("after-poison", WAIT);
        await().atMost(WAIT).until(() -> dlq.records().size() == 2);
        ConsumerRecord<byte[], byte[]> undecodable = dlq.records().get(0);
        assertThat(undecodable.value()).isEqualTo(poison);
        assertThat(new String(undecodable.key(), StandardCharsets.UTF_8)).isEqualTo(ExtractorHarness.ORG);
        assertThat(DeadLetterHeaders.text(undecodable.headers(), DeadLetterHeaders.STAGE)).isEqualTo("extractor");
        assertThat(DeadLetterHeaders.text(undecodable.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("Cannot decode ScanRequest from topic " + harness.topics.scanRequests()
                        + ": the value is not Avro single-object encoded");
        assertThat(DeadLetterHeaders.text(undecodable.headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                .isEqualTo(harness.topics.scanRequests());
        assertThat(undecodable.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)).isNotNull();
        assertThat(ByteBuffer.wrap(undecodable.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value())
                .getInt()).isBetween(0, ExtractorHarness.PARTITIONS - 1);
        ConsumerRecord<byte[], byte[]> blank = dlq.records().get(1);
        assertThat(DeadLetterHeaders.text(blank.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("scan_id is blank");
        assertThat(DeadLetterHeaders.text(blank.headers(), DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
    }

    @Test
    void shouldNeverRunTheSameScanIdTwiceNotEvenAfterARestart() throws Exception {
        ScanRequest request = Requests.full("once", ExtractorHarness.ORG, REF).setBatchSize(50).build();
        harness.send(request);
        harness.awaitCompleted("once", WAIT);
        int events = harness.events("once").size();
        long calls = hubspot.stats().requests();

        harness.send(request);
        harness.send(Requests.full("marker-1", ExtractorHarness.ORG, REF).setBatchSize(100).build());
        harness.awaitCompleted("marker-1", WAIT);
        extractor.close();
        extractor = harness.start();
        harness.send(request);
        harness.send(Requests.full("marker-2", ExtractorHarness.ORG, REF).setBatchSize(100).build());
        harness.awaitCompleted("marker-2", WAIT);

        // The markers share the duplicates' partition (same organization), so the duplicates were read first.
        assertThat(harness.events("once")).hasSize(events);
        long markerCalls = 2L * ((hubspot.dataset().activeDeals().size() + 99) / 100 + 1);
        assertThat(hubspot.stats().requests() - calls).isEqualTo(markerCalls);
    }
}
