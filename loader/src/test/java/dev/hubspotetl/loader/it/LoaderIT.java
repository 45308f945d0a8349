package dev.hubspotetl.loader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.loader.housekeeping.RetentionJob;
import dev.hubspotetl.loader.offsets.ExactlyOnceBatchListener;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedKafka;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** One loader against the real broker and PostgreSQL; each test runs scans of its own. */
@IntegrationTest
class LoaderIT {

    private static LoaderEnvironment env;
    private static LoaderInstance loader;
    private static Feed feed;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        env = new LoaderEnvironment("loader_it");
        loader = LoaderInstance.start(env.properties(), Map.of(
                "etl.loader.housekeeping.stale-after", "20s",
                "etl.loader.housekeeping.stale-check-interval", "500ms",
                "etl.loader.housekeeping.retention-cron", "-",
                "etl.loader.metrics-refresh", "500ms"));
        feed = new Feed(env);
        jdbc = new JdbcTemplate(env.dataSource());
    }

    @AfterAll
    static void stop() {
        feed.close();
        loader.close();
    }

    @Test
    void shouldLoadTenThousandDealsAcrossThreeScansAndTwoTenantsExactly() {
        Map<String, Integer> sizes = Map.of("bulk-a1", 5000, "bulk-a2", 3000, "bulk-b1", 2000);
        sizes.forEach((scan, size) -> {
            String org = scan.startsWith("bulk-a") ? "org-a" : "org-b";
            feed.request(scan, org);
            feed.started(scan, org);
            for (int i = 0; i < size; i++) {
                feed.deal(Feed.deal(org, scan, i));
            }
            feed.completed(scan, org, size);
        });
        feed.flush();

        sizes.keySet().forEach(scan -> awaitStatus(scan, "completed"));
        sizes.forEach((scan, size) -> {
            assertThat(job(scan)).containsEntry("total_items", size).containsEntry("processed_items", size)
                    .containsEntry("failed_items", 0).containsEntry("success_rate", "100.00%")
                    .containsEntry("organization_id", scan.startsWith("bulk-a") ? "org-a" : "org-b");
            assertThat(job(scan).get("started_at")).isNotNull();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals WHERE _scan_id = ?", Integer.class, scan))
                    .isEqualTo(size);
        });
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT _tenant_id) FROM hubspot_deals WHERE _scan_id LIKE 'bulk-%'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT config::jsonb ->> 'credential_ref' FROM scan_jobs WHERE scan_id = 'bulk-a1'",
                String.class)).isEqualTo("acme");
        assertEveryColumnOf("bulk-b1", 1234);
        // Sent after each commit by several consumer threads: they may interleave, the completed one is there.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(progressEventsOf("bulk-a1"))
                .anySatisfy(e -> {
                    assertThat(e.getStatus()).isEqualTo("completed");
                    assertThat(e.getProcessedItems()).isEqualTo(5000L);
                    assertThat(e.getTotalItems()).isEqualTo(5000L);
                }));
    }

    @Test
    void shouldChangeNothingWhenAWholeBatchIsRedelivered() throws Exception {
        feed.request("redelivered", "org-a");
        feed.started("redelivered", "org-a");
        for (int i = 0; i < 300; i++) {
            feed.deal(Feed.deal("org-a", "redelivered", i));
        }
        feed.completed("redelivered", "org-a", 300);
        feed.flush();
        awaitStatus("redelivered", "completed");
        Map<String, Object> before = job("redelivered");
        List<Map<String, Object>> rowsBefore = jdbc.queryForList("SELECT * FROM hubspot_deals ORDER BY id");

        ExactlyOnceBatchListener<?> listener = dealsListener();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(env.deals).stream()
                    .map(p -> new TopicPartition(env.deals, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> batch = new java.util.ArrayList<>();
            consumer.poll(Duration.ofSeconds(5)).forEach(batch::add);
            assertThat(batch).isNotEmpty();

            listener.onMessage(batch, consumer);

            assertThat(partitions.stream().mapToLong(consumer::position).sum())
                    .as("the consumer was sent to the stored offsets, past everything applied")
                    .isGreaterThan(batch.size() - 1L);
        }
        assertThat(job("redelivered")).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT * FROM hubspot_deals ORDER BY id")).isEqualTo(rowsBefore);
    }

    @Test
    void shouldUpdateADealThatComesAgainInALaterBatchAndKeepCopyingNewOnes() {
        feed.request("repeat", "org-a");
        feed.started("repeat", "org-a");
        for (int i = 0; i < 20; i++) {
            feed.deal(Feed.deal("org-a", "repeat", i));
        }
        feed.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> job("repeat").get("processed_items"), n -> n.equals(20));

        // A page fetched twice: deal 3 comes again, changed, in a batch of its own.
        feed.deal(Deal.newBuilder(Feed.deal("org-a", "repeat", 3)).setDealName("renamed").build());
        feed.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> job("repeat").get("processed_items"), n -> n.equals(21));
        for (int i = 20; i < 25; i++) {
            feed.deal(Feed.deal("org-a", "repeat", i));
        }
        feed.completed("repeat", "org-a", 26);
        feed.flush();

        awaitStatus("repeat", "completed");
        assertThat(job("repeat")).containsEntry("processed_items", 26).containsEntry("failed_items", 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals WHERE _scan_id = 'repeat'", Long.class))
                .isEqualTo(25L);
        assertThat(jdbc.queryForList("SELECT deal_name FROM hubspot_deals WHERE _scan_id = 'repeat' AND deal_id = ?",
                String.class, Feed.deal("org-a", "repeat", 3).getDealId())).containsExactly("renamed");
    }

    @Test
    void shouldDeadLetterRowsPostgresRejectsAndLoadTheRest() {
        feed.request("rejects", "org-b");
        feed.started("rejects", "org-b");
        for (int i = 0; i < 50; i++) {
            Deal deal = Feed.deal("org-b", "rejects", i);
            if (i == 7) {
                deal = Deal.newBuilder(deal).setDealName("nul \u0000 inside").build();
            } else if (i == 13) {
                deal = Deal.newBuilder(deal).setCloseDate(Instant.parse("+300000-01-01T00:00:00Z")).build();
            }
            feed.deal(deal);
        }
        feed.completed("rejects", "org-b", 50);
        feed.flush();

        awaitStatus("rejects", "completed");
        assertThat(job("rejects")).containsEntry("processed_items", 48).containsEntry("failed_items", 2)
                .containsEntry("success_rate", "96.00%");
        assertThat(jdbc.queryForList("SELECT deal_id FROM hubspot_deals WHERE _scan_id = 'rejects'", String.class))
                .hasSize(48).doesNotContain("1007", "1013");
        List<ConsumerRecord<byte[], byte[]>> dead = deadLettersOf("rejects");
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.STAGE)).isEqualTo("loader");
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(env.deals);
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.FAILED_DEALS)).isEqualTo("1");
        });
    }

    @Test
    void shouldDeadLetterPoisonPillsAndKeepLoading() {
        feed.raw(env.deals, "org-a:666", "not avro at all".getBytes());
        feed.raw(env.events, "poisoned", new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        feed.raw(env.requests, "org-a", new byte[0]);
        feed.request("after-poison", "org-a");
        feed.started("after-poison", "org-a");
        feed.deal(Feed.deal("org-a", "after-poison", 1));
        feed.completed("after-poison", "org-a", 1);
        feed.flush();

        awaitStatus("after-poison", "completed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicReader.readAll(env.dlq))
                .filteredOn(r -> DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.EXCEPTION_CLASS)
                        .equals("org.apache.kafka.common.errors.SerializationException"))
                .extracting(r -> DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                .containsExactlyInAnyOrder(env.deals, env.events, env.requests));
    }

    @Test
    void shouldCountTransformFailuresAndCompleteWithTheSeedsSuccessRate() {
        feed.request("transform-failures", "org-a");
        feed.started("transform-failures", "org-a");
        for (int i = 0; i < 10; i++) {
            feed.deal(Feed.deal("org-a", "transform-failures", i));
        }
        feed.event("transform-failures", "org-a", ScanEventType.TRANSFORM_FAILED, null, 2L, "page 3 is not JSON");
        feed.completed("transform-failures", "org-a", 12);
        feed.flush();

        awaitStatus("transform-failures", "completed");
        assertThat(job("transform-failures")).containsEntry("processed_items", 10).containsEntry("failed_items", 2)
                .containsEntry("total_items", 12).containsEntry("success_rate", "83.33%");
    }

    @Test
    void shouldNotCompleteBeforeEveryDealIsAccountedFor() {
        feed.request("partial", "org-a");
        feed.started("partial", "org-a");
        for (int i = 0; i < 5; i++) {
            feed.deal(Feed.deal("org-a", "partial", i));
        }
        feed.completed("partial", "org-a", 6);
        feed.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(5).equals(job("partial").get("processed_items")));
        assertThat(job("partial")).containsEntry("status", "running").containsEntry("total_items", 6);

        feed.deal(Feed.deal("org-a", "partial", 5));
        feed.flush();
        awaitStatus("partial", "completed");
    }

    @Test
    void shouldKeepACancelledScanCancelledWhileCountingItsDeals() {
        feed.request("cancelled", "org-b");
        feed.started("cancelled", "org-b");
        feed.flush();
        awaitStatus("cancelled", "running");
        feed.cancel("cancelled");
        feed.flush();
        // The control topic and the event topic are not ordered with each other: let the cancel land first.
        awaitStatus("cancelled", "cancelled");
        for (int i = 0; i < 5; i++) {
            feed.deal(Feed.deal("org-b", "cancelled", i));
        }
        feed.completed("cancelled", "org-b", 5);
        feed.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(5).equals(job("cancelled").get("processed_items")));
        assertThat(job("cancelled")).containsEntry("status", "cancelled")
                .containsEntry("error_message", "Cancelled by user");
    }

    @Test
    void shouldFailAScanWhoseExtractionFailedWithTheReason() {
        feed.request("unauthorized", "org-b");
        feed.started("unauthorized", "org-b");
        feed.event("unauthorized", "org-b", ScanEventType.EXTRACTION_FAILED, null, null,
                "credential 'acme' was refused");
        feed.flush();

        awaitStatus("unauthorized", "failed");
        assertThat((String) job("unauthorized").get("error_message")).contains("credential 'acme' was refused");
    }

    @Test
    void shouldFailOpenScansWithoutProgress() {
        jdbc.update("""
                INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, started_at, created_at, updated_at)
                VALUES ('stale-job', 'stale', 'running', 'deals', '{}', now() - interval '2 hours',
                        now() - interval '2 hours', now() - interval '1 hour'),
                       ('never-started-job', 'never-started', 'pending', 'deals', '{}', NULL,
                        now() - interval '2 hours', now() - interval '1 hour'),
                       ('fresh-job', 'fresh', 'pending', 'deals', '{}', NULL, now(), now())""");

        awaitStatus("stale", "failed");
        awaitStatus("never-started", "failed");
        assertThat((String) job("stale").get("error_message")).contains("No progress for PT20S");
        assertThat((String) job("never-started").get("error_message")).contains("Not started within PT20S");
        assertThat(job("fresh")).containsEntry("status", "pending");
    }

    @Test
    void shouldArchiveAndRemoveOldCompletedScansWithTheirDeals() {
        jdbc.update("""
                INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, completed_at)
                VALUES ('old-job', 'old', 'completed', 'deals', '{}', now() - interval '100 days'),
                       ('recent-job', 'recent', 'completed', 'deals', '{}', now() - interval '10 days')""");
        jdbc.update("""
                INSERT INTO hubspot_deals (id, scan_job_id, deal_id, _extracted_at, _scan_id)
                VALUES ('old-deal', 'old-job', '1', now(), 'old'), ('recent-deal', 'recent-job', '1', now(), 'recent')""");

        assertThat(loader.context.getBean(RetentionJob.class).removeOldScans()).isOne();

        assertThat(jdbc.queryForList("SELECT scan_id FROM scan_jobs_archive", String.class)).containsExactly("old");
        assertThat(jdbc.queryForList("SELECT id FROM hubspot_deals WHERE id IN ('old-deal', 'recent-deal')",
                String.class)).containsExactly("recent-deal");
    }

    @Test
    void shouldExposeHealthAndPrometheusMetrics() throws Exception {
        String base = "http://localhost:" + loader.context.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"kafka\"").contains("\"db\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body())
                .contains("etl_loader_deals_loaded_total", "etl_scans{", "kafka_consumer_fetch_manager_records_lag_max"));
    }

    private static void awaitStatus(String scanId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(jdbc.queryForList("SELECT status FROM scan_jobs WHERE scan_id = ?",
                        String.class, scanId).stream().findFirst().orElse(null)));
    }

    private static Map<String, Object> job(String scanId) {
        return jdbc.queryForMap("SELECT * FROM scan_jobs WHERE scan_id = ?", scanId);
    }

    private static void assertEveryColumnOf(String scanId, int i) {
        Deal expected = Feed.deal("org-b", scanId, i);
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT d.*, d.raw_properties::text AS raw, j.id AS job_id FROM hubspot_deals d
                JOIN scan_jobs j ON j.id = d.scan_job_id WHERE d._scan_id = ? AND d.deal_id = ?""",
                scanId, expected.getDealId());
        assertThat(row).containsEntry("scan_job_id", row.get("job_id"))
                .containsEntry("deal_name", expected.getDealName())
                .containsEntry("deal_stage", expected.getDealStage())
                .containsEntry("pipeline", "default").containsEntry("deal_type", "newbusiness")
                .containsEntry("hubspot_owner_id", expected.getHubspotOwnerId())
                .containsEntry("description", expected.getDescription())
                .containsEntry("analytics_source", "ORGANIC_SEARCH")
                .containsEntry("num_associated_contacts", i % 5).containsEntry("priority", "high")
                .containsEntry("next_step", "call").containsEntry("archived", false)
                .containsEntry("raw", expected.getRawProperties())
                .containsEntry("_scan_id", scanId).containsEntry("_tenant_id", "org-b");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(expected.getAmount());
        assertThat((BigDecimal) row.get("deal_stage_probability")).isEqualByComparingTo("0.40");
        assertThat((BigDecimal) row.get("forecast_amount")).isEqualByComparingTo("12.34");
        assertThat((BigDecimal) row.get("forecast_probability")).isEqualByComparingTo("0.25");
        assertThat(jdbc.queryForObject("""
                SELECT to_char(close_date, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || to_char(_extracted_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    || ' ' || to_char(hubspot_created_at, 'HH24:MI:SS') || ' ' || to_char(hubspot_updated_at, 'HH24:MI:SS')
                FROM hubspot_deals WHERE _scan_id = ? AND deal_id = ?""", String.class, scanId, expected.getDealId()))
                .isEqualTo(expected.getCloseDate() + " " + expected.getExtractedAt() + " 11:00:00 11:59:00");
    }

    private static List<ScanEvent> progressEventsOf(String scanId) {
        ScanEventSerde serde = new ScanEventSerde();
        return TopicReader.readAll(env.events).stream()
                .filter(r -> scanId.equals(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8)))
                .map(r -> serde.deserialize(env.events, r.value()))
                .filter(e -> e.getType() == ScanEventType.LOAD_PROGRESS).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String scanId) {
        return TopicReader.readAll(env.dlq).stream()
                .filter(r -> scanId.equals(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.SCAN_ID))).toList();
    }

    @Test
    void shouldWaitForFullerBatchesOnTheDealsPathOnly() {
        assertThat(container("dealsContainer").getContainerProperties().getKafkaConsumerProperties())
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(1 << 20))
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "300");
        // Scan requests, control and events keep Kafka's defaults: a status change is not held back.
        assertThat(container("scanTopicsContainer").getContainerProperties().getKafkaConsumerProperties())
                .doesNotContainKeys(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
    }

    private static ConcurrentMessageListenerContainer<?, ?> container(String name) {
        return loader.context.getBean(name, ConcurrentMessageListenerContainer.class);
    }

    private static ExactlyOnceBatchListener<?> dealsListener() {
        ConcurrentMessageListenerContainer<?, ?> container =
                loader.context.getBean("dealsContainer", ConcurrentMessageListenerContainer.class);
        return (ExactlyOnceBatchListener<?>) container.getContainerProperties().getMessageListener();
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
