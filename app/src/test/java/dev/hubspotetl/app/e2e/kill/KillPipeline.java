package dev.hubspotetl.app.e2e.kill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.app.e2e.CommittedRecords;
import dev.hubspotetl.app.embedded.EmbeddedKafkaBroker;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import dev.hubspotetl.simulator.HubSpotSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole pipeline for one kill test, owned by that test: a PostgreSQL (embedded, in this JVM, on a
 * fixed port and data directory so that it can be restarted), a KRaft broker (in this JVM, or as its
 * own process on a fixed port and log directory so that it can be killed), and the extractor,
 * transformer and loader each as its own OS process from its packaged jar. Scan requests go straight
 * to {@code hubspot.scan-requests}, as any client may send them. Default topic names and group ids
 * are used: nothing else runs on this broker.
 */
final class KillPipeline implements AutoCloseable {

    static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    static final String CREDENTIAL_REF = "portal";
    static final String DEALS_TOPIC = "hubspot.deals";
    static final String DLQ_TOPIC = "hubspot.deals.dlq";
    private static final List<String> TOPICS = List.of("hubspot.scan-requests", "hubspot.scan-control",
            "hubspot.deals.raw", DEALS_TOPIC, "hubspot.scan-events", DLQ_TOPIC);

    private final String name;
    private final Path root;
    private final int postgresPort = freePort();
    private final int kafkaPort = freePort();
    private final boolean brokerProcess;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private StageProcess broker;
    private final JdbcClient jdbc;
    final StageProcess extractor;
    final StageProcess transformer;
    final StageProcess loader;

    /**
     * @param extractorCallsPerSecond the extractor's own rate limit (list calls per second): it paces the
     *                                scan so that a kill lands in the middle of it
     */
    KillPipeline(String name, HubSpotSimulator hubspot, String token, int extractorCallsPerSecond,
                 boolean brokerProcess) {
        this.name = name;
        this.brokerProcess = brokerProcess;
        try {
            this.root = Files.createDirectories(Path.of("target", "kill-data", name).toAbsolutePath());
            deleteContents(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startPostgres();
        startBroker();
        this.jdbc = jdbc(postgres);
        String bootstrap = "localhost:" + kafkaPort;
        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.kafka.bootstrap-servers", bootstrap);
        common.put("etl.topic-defaults.partitions", "3");
        common.put("server.port", "0");
        common.put("management.server.port", "-1");
        // A killed consumer holds its partitions until its session expires: keep that short.
        common.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        common.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");

        Map<String, String> extractorProperties = new LinkedHashMap<>(common);
        extractorProperties.put("etl.hubspot.base-url", hubspot.baseUrl());
        extractorProperties.put("etl.hubspot.credentials." + CREDENTIAL_REF, token);
        extractorProperties.put("etl.hubspot.rate-limit.requests", String.valueOf(extractorCallsPerSecond));
        extractorProperties.put("etl.hubspot.rate-limit.window", "1s");
        extractorProperties.put("etl.hubspot.retry.base-backoff", "50ms");
        extractorProperties.put("etl.hubspot.retry.max-backoff", "1s");
        // A stable id: the restarted extractor is the same static member and fences its predecessor's transactions.
        extractorProperties.put("etl.extractor.instance-id", name + "-extractor");
        extractorProperties.put("etl.extractor.transaction-timeout", "10s");
        this.extractor = StageProcess.jar(name + "-extractor", "extractor", extractorProperties);

        Map<String, String> transformerProperties = new LinkedHashMap<>(common);
        transformerProperties.put("etl.transformer.state-dir", root.resolve("kafka-streams").toString());
        transformerProperties.put("spring.kafka.streams.properties.group.instance.id", name + "-transformer");
        transformerProperties.put("spring.kafka.streams.properties.session.timeout.ms", "6000");
        transformerProperties.put("spring.kafka.streams.properties.heartbeat.interval.ms", "1000");
        transformerProperties.put("spring.kafka.streams.properties.transaction.timeout.ms", "10000");
        this.transformer = StageProcess.jar(name + "-transformer", "transformer", transformerProperties);

        Map<String, String> loaderProperties = new LinkedHashMap<>(common);
        loaderProperties.put("spring.datasource.url", postgres.jdbcUrl());
        loaderProperties.put("spring.datasource.username", postgres.username());
        loaderProperties.put("spring.datasource.password", postgres.password());
        this.loader = StageProcess.jar(name + "-loader", "loader", loaderProperties);
    }

    /** Starts the three stages: the loader first (it migrates the database and creates the topics). */
    KillPipeline startStages() {
        loader.start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> topicsExist() && scanJobsTableExists());
        // The extractor refuses to start before the scan-request topic exists (the loader creates it).
        transformer.start();
        extractor.start();
        return this;
    }

    /** A full scan request of {@code organization}, published as a client would. */
    void submit(String scanId, String organization, int batchSize) {
        ScanRequest request = ScanRequest.newBuilder().setScanId(scanId).setOrganizationId(organization)
                .setScanType("deals").setMode("full").setCredentialRef(CREDENTIAL_REF).setBatchSize(batchSize)
                .setRequestedAt(Instant.now()).setRequestedBy("kill-test").build();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (ScanRequestSerde serde = new ScanRequestSerde();
             KafkaProducer<String, ScanRequest> producer =
                     new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>("hubspot.scan-requests", organization, request)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the scan request", e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    String status(String scanId) {
        return jdbc.sql("SELECT status FROM scan_jobs WHERE scan_id = ?").param(scanId)
                .query(String.class).optional().orElse(null);
    }

    int processed(String scanId) {
        Integer processed = jdbc.sql("SELECT processed_items FROM scan_jobs WHERE scan_id = ?").param(scanId)
                .query(Integer.class).optional().orElse(0);
        return processed == null ? 0 : processed;
    }

    /** Waits (through outages) until at least {@code deals} deals of the scan are loaded. */
    void awaitProcessed(String scanId, int deals, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> processed(scanId) >= deals);
    }

    Map<String, Object> awaitFinished(String scanId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> FINISHED.contains(status(scanId)));
        return scanRow(scanId);
    }

    Map<String, Object> scanRow(String scanId) {
        return jdbc.sql("""
                        SELECT status, organization_id, total_items, processed_items, failed_items, success_rate,
                               error_message, started_at IS NOT NULL AS started, completed_at IS NOT NULL AS completed
                        FROM scan_jobs WHERE scan_id = ?""")
                .param(scanId).query().singleRow();
    }

    int dealRows(String scanId) {
        return jdbc.sql("SELECT count(*) FROM hubspot_deals WHERE _scan_id = ?").param(scanId)
                .query(Integer.class).single();
    }

    /** Restarts PostgreSQL on the same port and data directory (a fast shutdown: open connections are cut). */
    void restartPostgres(Duration down) throws InterruptedException {
        postgres.close();
        Thread.sleep(down.toMillis());
        startPostgres();
    }

    /** SIGKILLs the broker process, then starts it again on the same port and log directory. */
    void killAndRestartBroker(Duration down) throws InterruptedException {
        assertThat(brokerProcess).as("the broker runs as its own process").isTrue();
        broker.kill();
        Thread.sleep(down.toMillis());
        broker.start();
        awaitBroker();
    }

    /** Every record of a topic up to its end offsets, as a read_committed consumer sees them. */
    List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        return CommittedRecords.read(bootstrapServers(), topic);
    }

    private void startPostgres() {
        postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), postgresPort);
    }

    private void startBroker() {
        Path logDir = root.resolve("kafka");
        if (brokerProcess) {
            broker = StageProcess.main(name + "-broker", KillBrokerMain.class,
                    List.of(logDir.toString(), String.valueOf(kafkaPort))).start();
            awaitBroker();
        } else {
            kafka = EmbeddedKafkaBroker.start(logDir, kafkaPort);
        }
    }

    private void awaitBroker() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
                    }
                });
    }

    private boolean topicsExist() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(TOPICS);
        }
    }

    private boolean scanJobsTableExists() {
        return jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scan_jobs'")
                .query(Integer.class).single() == 1;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000));
    }

    private static JdbcClient jdbc(EmbeddedPostgresServer postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setConnectTimeout(5);
        return JdbcClient.create(dataSource);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dir))
                    .forEach(path -> path.toFile().delete());
        }
    }

    /**
     * Stops the stages (SIGKILL: their state is of no further use), the broker and PostgreSQL, and deletes
     * their data; the processes' logs stay in {@code target/kill-logs}.
     */
    @Override
    public void close() {
        extractor.close();
        transformer.close();
        loader.close();
        if (broker != null) {
            broker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            deleteContents(root);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
