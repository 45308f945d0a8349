package dev.hubspotetl.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.RawTopicWriter;
import dev.hubspotetl.transformer.fixtures.TopicReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The transformer application, as {@code java -jar} runs it, on the shared broker: 10,000 raw deals
 * in 100 pages of 4 scans, 20 of them without an id, plus malformed pages and poison pills
 * interleaved. Read back with read_committed: exactly the expected deals, once each, and the
 * TRANSFORM_FAILED counts that make every page's accounting exact.
 */
@IntegrationTest
class TransformerApplicationIT {

    private static final List<String> SCANS = List.of("scan-a", "scan-b", "scan-c", "scan-d");
    private static final int PAGES_PER_SCAN = 25;
    private static final int DEALS_PER_PAGE = 100;
    private static final int RAW_DEALS = SCANS.size() * PAGES_PER_SCAN * DEALS_PER_PAGE;

    @TempDir
    Path stateDir;

    @Test
    void shouldNormalizeTenThousandDealsExactlyOnceAndAccountForEveryFailure() throws Exception {
        String raw = SharedKafka.uniqueTopic("it.deals.raw");
        String deals = SharedKafka.uniqueTopic("it.deals");
        String events = SharedKafka.uniqueTopic("it.scan-events");
        String dlq = SharedKafka.uniqueTopic("it.deals.dlq");
        String applicationId = SharedKafka.uniqueTopic("transformer-it");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TransformerApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--etl.topics.deals-raw=" + raw, "--etl.topics.deals=" + deals,
                "--etl.topics.scan-events=" + events, "--etl.topics.deals-dlq=" + dlq,
                "--etl.topics.scan-requests=" + SharedKafka.uniqueTopic("it.scan-requests"),
                "--etl.topics.scan-control=" + SharedKafka.uniqueTopic("it.scan-control"),
                "--etl.topic-defaults.partitions=3",
                "--etl.transformer.application-id=" + applicationId,
                "--etl.transformer.state-dir=" + stateDir,
                "--server.port=0");
             RawTopicWriter writer = new RawTopicWriter(raw);
             TopicReader<String, Deal> dealReader = new TopicReader<>(deals, new StringDeserializer(),
                     new DealSerde(), IsolationLevel.READ_COMMITTED);
             TopicReader<String, ScanEvent> eventReader = new TopicReader<>(events, new StringDeserializer(),
                     new ScanEventSerde(), IsolationLevel.READ_COMMITTED);
             TopicReader<byte[], byte[]> dlqReader = new TopicReader<>(dlq, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer(), IsolationLevel.READ_COMMITTED)) {

            Expected expected = feed(writer);

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(dealReader.poll()).hasSizeGreaterThanOrEqualTo(expected.deals().size());
                assertThat(eventReader.poll()).hasSizeGreaterThanOrEqualTo(expected.failedDealsByEvent().size());
                assertThat(dlqReader.poll()).hasSizeGreaterThanOrEqualTo(expected.deadLetters());
            });
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> RawTopicWriter.consumedEverything(applicationId, raw));

            assertDeals(dealReader.readToEnd(), expected);
            assertEvents(eventReader.readToEnd(), expected);
            assertDeadLetters(dlqReader.readToEnd(), expected);
            assertHealthAndMetrics(app, expected);
        }
    }

    /** What the raw topic was fed, and so what must come out. */
    private record Expected(Map<String, Long> deals, Map<String, Long> failedDealsByEvent, int deadLetters,
                            Map<String, Integer> resultCounts, long failedDeals) {
    }

    private static Expected feed(RawTopicWriter writer) {
        Map<String, Long> deals = new HashMap<>();
        Map<String, Long> failedByEvent = new HashMap<>();
        Map<String, Integer> resultCounts = new HashMap<>();
        int deadLetters = 0;
        long failedDeals = 0;
        int orphans = 0;
        for (int scan = 0; scan < SCANS.size(); scan++) {
            String scanId = SCANS.get(scan);
            String org = "org-" + (scan % 2);
            for (int page = 0; page < PAGES_PER_SCAN; page++) {
                List<ObjectNode> results = new ArrayList<>();
                boolean withOrphans = page % 10 == 5;
                for (int i = 0; i < DEALS_PER_PAGE; i++) {
                    long id = (scan + 1) * 1_000_000L + page * 1_000L + i;
                    boolean orphan = withOrphans && (i == 17 || i == 71);
                    ObjectNode result = RawPages.realisticResult(id);
                    if (orphan) {
                        result.remove("id");
                        orphans++;
                    } else {
                        deals.put(org + ":" + id, id);
                    }
                    results.add(result);
                }
                if (withOrphans) {
                    failedByEvent.put("transformer:" + scanId + ":" + page, 2L);
                    deadLetters += 2;
                    failedDeals += 2;
                }
                resultCounts.put(scanId + ":" + page, DEALS_PER_PAGE);
                writer.send(RawPages.page(scanId, org, page, results));
                if (page == 3) {
                    // poison pills in the middle of the stream: everything after them must still flow
                    writer.send(scanId.getBytes(StandardCharsets.UTF_8),
                            "not avro at all".getBytes(StandardCharsets.UTF_8));
                    failedByEvent.put("poison:" + scanId, null);
                    deadLetters++;
                }
            }
            RawDealPage malformed = RawPages.pageWithBody(scanId, org, PAGES_PER_SCAN, 40 + scan,
                    scan % 2 == 0 ? "<html>502 Bad Gateway</html>" : "{\"results\":[\"1\",\"2\"]}");
            writer.send(malformed);
            failedByEvent.put("transformer:" + scanId + ":" + PAGES_PER_SCAN, (long) (40 + scan));
            resultCounts.put(scanId + ":" + PAGES_PER_SCAN, 40 + scan);
            deadLetters++;
            failedDeals += 40 + scan;
        }
        writer.send(null, new byte[] {0, 1, 2, 3});
        deadLetters++;
        writer.flush();
        assertThat(deals.size() + orphans).isEqualTo(RAW_DEALS);
        return new Expected(deals, failedByEvent, deadLetters, resultCounts, failedDeals);
    }

    private static void assertDeals(List<ConsumerRecord<String, Deal>> records, Expected expected) {
        Map<String, Deal> byKey = new HashMap<>();
        records.forEach(record -> assertThat(byKey.put(record.key(), record.value()))
                .as("duplicate deal %s", record.key()).isNull());
        assertThat(byKey.keySet()).isEqualTo(expected.deals().keySet());
        byKey.forEach((key, deal) -> {
            long id = expected.deals().get(key);
            assertThat(deal.getDealId()).isEqualTo(Long.toString(id));
            assertThat(key).isEqualTo(deal.getOrganizationId() + ":" + id);
            assertThat(deal.getDealName()).isEqualTo("Deal " + id + " - Enterprise licence renewal");
            assertThat(deal.getAmount()).isEqualTo(
                    new BigDecimal((id % 100_000) + "." + (id % 100)).setScale(2, RoundingMode.HALF_UP));
            assertThat(deal.getDealStageProbability()).isEqualTo(new BigDecimal("0.20"));
            assertThat(deal.getExtractedAt()).isEqualTo(RawPages.EXTRACTED_AT);
        });
        // per page: deals emitted + deals failed = result_count
        Map<String, Long> emittedPerPage = byKey.values().stream().collect(Collectors.groupingBy(
                deal -> deal.getScanId() + ":" + (Long.parseLong(deal.getDealId()) % 1_000_000L / 1_000L),
                Collectors.counting()));
        expected.resultCounts().forEach((page, resultCount) -> {
            String[] parts = page.split(":");
            Long failed = expected.failedDealsByEvent().get("transformer:" + parts[0] + ":" + parts[1]);
            assertThat(emittedPerPage.getOrDefault(page, 0L) + (failed == null ? 0 : failed))
                    .as("accounting of %s", page).isEqualTo(resultCount.longValue());
        });
    }

    private static void assertEvents(List<ConsumerRecord<String, ScanEvent>> records, Expected expected) {
        assertThat(records).allSatisfy(record -> {
            assertThat(record.value().getType()).isEqualTo(ScanEventType.TRANSFORM_FAILED);
            assertThat(record.key()).isEqualTo(record.value().getScanId());
        });
        Map<String, ScanEvent> byId = records.stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(ScanEvent::getEventId, Function.identity()));
        assertThat(byId).hasSize(records.size());
        Map<String, Long> pageEvents = new HashMap<>();
        Set<String> poisonedScans = new HashSet<>();
        byId.values().forEach(event -> {
            if (event.getEventId().contains(":undecodable:")) {
                assertThat(event.getDealCount()).isNull();
                assertThat(event.getErrorMessage()).startsWith("A raw page of this scan could not be decoded");
                poisonedScans.add("poison:" + event.getScanId());
            } else {
                pageEvents.put(event.getEventId(), event.getDealCount());
            }
        });
        Map<String, Long> expectedPageEvents = new HashMap<>(expected.failedDealsByEvent());
        expectedPageEvents.keySet().removeIf(key -> key.startsWith("poison:"));
        assertThat(pageEvents).isEqualTo(expectedPageEvents);
        assertThat(poisonedScans).containsExactlyInAnyOrderElementsOf(expected.failedDealsByEvent().keySet().stream()
                .filter(key -> key.startsWith("poison:")).toList());
        assertThat(pageEvents.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.failedDeals());
    }

    private static void assertDeadLetters(List<ConsumerRecord<byte[], byte[]>> records, Expected expected) {
        assertThat(records).hasSize(expected.deadLetters());
        assertThat(records).allSatisfy(record -> {
            assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.STAGE)).isEqualTo("transformer");
            assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
            assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).isNotBlank();
        });
        long failedDeals = records.stream()
                .map(record -> DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.FAILED_DEALS))
                .filter(count -> count != null).mapToLong(Long::parseLong).sum();
        assertThat(failedDeals).isEqualTo(expected.failedDeals());
    }

    private static void assertHealthAndMetrics(ConfigurableApplicationContext app, Expected expected) throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = RawPages.JSON.readTree(health.body()).path("components");
        assertThat(components.path("kafkaStreams").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafkaStreams").path("details").path("state").asText()).isEqualTo("RUNNING");

        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // attempts, not outcomes: an aborted and retried transaction counts twice, so at least
        assertThat(counter(metrics, "etl_transformer_deals_normalized_total"))
                .isGreaterThanOrEqualTo(expected.deals().size());
        assertThat(counter(metrics, "etl_transformer_deals_failed_total"))
                .isGreaterThanOrEqualTo(expected.failedDeals());
        assertThat(counter(metrics, "etl_transformer_pages_dead_lettered_total{reason=\"undecodable_record\"}"))
                .isGreaterThanOrEqualTo(SCANS.size() + 1);
        assertThat(metrics).contains("kafka_stream_");
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> !line.startsWith("#"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
