package dev.hubspotetl.loader.bench;

import dev.hubspotetl.loader.LoaderApplication;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.testsupport.SharedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** One scan's deals and events put on fresh topics before a loader starts, then loaded and timed. */
final class BenchPipeline {

    private final Map<String, String> properties;
    private final JdbcTemplate jdbc;
    private final String scanId;
    private final int deals;

    private BenchPipeline(Map<String, String> properties, JdbcTemplate jdbc, String scanId, int deals) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.scanId = scanId;
        this.deals = deals;
    }

    static DataSource migratedDatabase(String name) {
        DataSource dataSource = SharedPostgres.server().dataSource(SharedPostgres.newDatabase(name));
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    static BenchPipeline create(String name, String scanId, int deals) {
        String database = SharedPostgres.newDatabase(name);
        Map<String, String> p = new LinkedHashMap<>();
        String[] kinds = {"scan-requests", "scan-control", "deals-raw", "deals", "scan-events", "deals-dlq"};
        for (String kind : kinds) {
            String topic = SharedKafka.uniqueTopic(name + "." + kind);
            SharedKafka.createTopics(6, topic);
            p.put("etl.topics." + kind, topic);
        }
        p.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        p.put("spring.datasource.url", SharedPostgres.server().jdbcUrl(database));
        p.put("spring.datasource.username", SharedPostgres.server().username());
        p.put("spring.datasource.password", SharedPostgres.server().password());
        p.put("etl.loader.deals-group-id", name + "-deals");
        p.put("etl.loader.scans-group-id", name + "-scans");
        p.put("etl.loader.housekeeping.retention-cron", "-");
        BenchPipeline pipeline = new BenchPipeline(p,
                new JdbcTemplate(SharedPostgres.server().dataSource(database)), scanId, deals);
        pipeline.produce();
        return pipeline;
    }

    private void produce() {
        String dealsTopic = properties.get("etl.topics.deals");
        String eventsTopic = properties.get("etl.topics.scan-events");
        String requestsTopic = properties.get("etl.topics.scan-requests");
        DealSerde dealSerde = new DealSerde();
        ScanEventSerde eventSerde = new ScanEventSerde();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))) {
            ScanRequest request = ScanRequest.newBuilder().setScanId(scanId).setOrganizationId("bench-org")
                    .setCredentialRef("bench").setRequestedAt(Instant.now()).build();
            producer.send(new ProducerRecord<>(requestsTopic, bytes("bench-org"),
                    new ScanRequestSerde().serialize(requestsTopic, request)));
            producer.send(new ProducerRecord<>(eventsTopic, bytes(scanId), eventSerde.serialize(eventsTopic,
                    event(ScanEventType.EXTRACTION_STARTED, null))));
            for (int i = 0; i < deals; i++) {
                var deal = BenchDeals.deal("bench-org", scanId, i);
                producer.send(new ProducerRecord<>(dealsTopic, bytes(Topics.dealKey("bench-org", deal.getDealId())),
                        dealSerde.serialize(dealsTopic, deal)));
            }
            producer.send(new ProducerRecord<>(eventsTopic, bytes(scanId), eventSerde.serialize(eventsTopic,
                    event(ScanEventType.EXTRACTION_COMPLETED, (long) deals))));
        }
    }

    /** What an in-process run measured: rows/s from the first loaded row to completion, and its batches. */
    record InProcessResult(double rowsPerSecond, long batches, double meanBatchSize, double meanBatchMillis,
                           double meanUpsertMillis) {
    }

    /** Starts a loader in this JVM and loads the scan. */
    InProcessResult loadInProcess() {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext loader = new SpringApplicationBuilder(LoaderApplication.class)
                .run(append(args, "--server.port=0"))) {
            double rate = awaitCompletion(Duration.ofMinutes(10));
            DistributionSummary batches = loader.getBean(MeterRegistry.class).get("etl.loader.batch.size").summary();
            MeterRegistry meters = loader.getBean(MeterRegistry.class);
            return new InProcessResult(rate, batches.count(), batches.mean(),
                    meters.get("etl.loader.batch.duration").timer().mean(TimeUnit.MILLISECONDS),
                    meters.get("etl.loader.upsert.duration").timer().mean(TimeUnit.MILLISECONDS));
        }
    }

    /** Runs the packaged loader jar with -Xmx256m and a GC log; returns its peak heap and rate. */
    HeapSampler.Result loadInSubprocess(int port) throws Exception {
        Path gcLog = Path.of("target", "bench-loader-gc.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-jar", Path.of("target", "loader.jar").toString()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-loader.log").toFile()).start();
        try {
            double rate = awaitCompletion(Duration.ofMinutes(20));
            return new HeapSampler.Result(HeapSampler.peakBeforeGc(gcLog), rate, true);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private double awaitCompletion(Duration timeout) throws RuntimeException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long firstCount = 0;
        while (System.nanoTime() < deadline) {
            Map<String, Object> job;
            try {
                job = jdbc.queryForList("SELECT status, processed_items FROM scan_jobs WHERE scan_id = ?", scanId)
                        .stream().findFirst().orElse(null);
            } catch (RuntimeException notMigratedYet) {
                job = null;
            }
            long processed = job == null ? 0 : ((Number) job.get("processed_items")).longValue();
            if (processed > 0 && firstAt == 0) {
                firstAt = System.nanoTime();
                firstCount = processed;
            }
            if (job != null && "completed".equals(job.get("status"))) {
                return (deals - firstCount) / ((System.nanoTime() - firstAt) / 1e9);
            }
            sleep(20);
        }
        throw new IllegalStateException("Scan " + scanId + " did not complete within " + timeout);
    }

    private ScanEvent event(ScanEventType type, Long total) {
        return ScanEvent.newBuilder().setEventId("bench:" + scanId + ":" + type).setScanId(scanId)
                .setOrganizationId("bench-org").setType(type).setStage("extractor").setOccurredAt(Instant.now())
                .setExtractedTotal(total).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
