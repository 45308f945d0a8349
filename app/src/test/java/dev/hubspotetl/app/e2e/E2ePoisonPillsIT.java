package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A record that is not what its topic holds, on each of the six topics, before a scan (DESIGN §6,
 * invariant 7): every stage that reads the topic dead-letters it verbatim with error headers and keeps
 * going, and the scan after them completes exactly. Who reads what: scan requests the extractor and
 * the loader; scan control the loader (the extractor only counts an undecodable control record);
 * raw pages the transformer; deals and scan events the loader; the DLQ nobody.
 */
class E2ePoisonPillsIT {

    private static final String KEY = "poison-key";
    private static final String ORG = "org-poison";
    private static final byte[] GARBAGE = "\u0000\u0001 this is not Avro {".getBytes(StandardCharsets.UTF_8);
    private static final List<String> ROLES =
            List.of("scan-requests", "scan-control", "deals-raw", "deals", "scan-events", "deals-dlq");
    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_000).seed(51).token("poison-token")
                .noRateLimits().build());
        pipeline = new E2ePipeline("e2e-poison", hubspot.baseUrl(), Map.of("portal", "poison-token"),
                Map.of(KEY, ORG), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @Test
    void shouldDeadLetterAPoisonPillOnEveryTopicAndCompleteTheNextScanExactly() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String role : ROLES) {
                producer.send(new ProducerRecord<>(pipeline.topic(role), "poison-" + role, GARBAGE))
                        .get(10, TimeUnit.SECONDS);
            }
        }

        ExpectedDeals expected = new ExpectedDeals(ORG, "poison-1", hubspot.dataset().activeDeals());
        pipeline.submit(KEY, "poison-1", "portal", 100, "");
        Map<String, Object> scan = pipeline.awaitFinished("poison-1", Duration.ofMinutes(3));
        assertThat(scan).containsEntry("status", "completed")
                .containsEntry("total_items", expected.size())
                .containsEntry("processed_items", expected.size())
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%");
        expected.assertLoaded(pipeline.jdbc());
        // The transformer reports the undecodable raw page as TRANSFORM_FAILED of the scan its key names; the
        // loader fails that scan, creating the row as it does for any event that precedes its request. The
        // row belongs to no organization, so no API key sees it. Nothing else turns into a scan.
        assertThat(pipeline.jdbc().sql("SELECT scan_id, status, organization_id FROM scan_jobs ORDER BY scan_id")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("poison-1 completed " + ORG, "poison-deals-raw failed null");
        assertThat(pipeline.scanRow("poison-deals-raw").get("error_message")).asString()
                .startsWith("Transformer: A raw page of this scan could not be decoded");
        assertThat(pipeline.get(KEY, "/api/v1/scans/poison-deals-raw").statusCode()).isEqualTo(404);

        List<String> expectedLetters = List.of("scan-requests by extractor", "scan-requests by loader",
                "scan-control by loader", "deals-raw by transformer", "deals by loader", "scan-events by loader");
        List<String> letters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            letters.clear();
            for (ConsumerRecord<String, byte[]> record : pipeline.readCommitted("deals-dlq")) {
                letters.add(describe(record));
            }
            assertThat(letters).containsExactlyInAnyOrderElementsOf(withPlainPill(expectedLetters));
        });
    }

    /** The DLQ also holds the pill written to it directly: verbatim, without any error header. */
    private static List<String> withPlainPill(List<String> letters) {
        List<String> all = new ArrayList<>(letters);
        all.add("deals-dlq as written");
        return all;
    }

    /** "original topic by stage" after checking key, value and headers; a record without headers as written. */
    private static String describe(ConsumerRecord<String, byte[]> record) {
        assertThat(record.value()).as("value of " + record.key()).isEqualTo(GARBAGE);
        String original = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
        if (original == null) {
            assertThat(record.key()).isEqualTo("poison-deals-dlq");
            assertThat(record.headers().toArray()).isEmpty();
            return "deals-dlq as written";
        }
        String role = original.substring("e2e-poison.".length());
        assertThat(record.key()).as("key of a dead letter from " + original).isEqualTo("poison-" + role);
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).hasSize(Long.BYTES);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).hasSize(Integer.BYTES);
        return role + " by " + DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.STAGE);
    }
}
