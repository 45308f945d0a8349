package dev.hubspotetl.extractor;

import static org.awaitility.Awaitility.await;

import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.RawDealPageSerde;
import dev.hubspotetl.schemas.kafka.ScanControlSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.testsupport.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One extractor deployment for a test: its own topics, group and transactional ids on the shared
 * broker, the extractor application (in this JVM, or its arguments for a separate process), a client
 * that sends requests and cancels, and collectors of what the extractor published.
 */
final class ExtractorHarness implements AutoCloseable {

    static final int PARTITIONS = 2;
    static final String ORG = "org-1";

    final TopicNames topics;
    final String checkpointTopic;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<AutoCloseable> collectors = new ArrayList<>();
    private final KafkaProducer<String, byte[]> client;
    private RecordCollector<String, ScanEvent> events;
    private RecordCollector<String, RawDealPage> pages;

    ExtractorHarness(String name) {
        topics = new TopicNames(SharedKafka.uniqueTopic(name + ".requests"), SharedKafka.uniqueTopic(name + ".control"),
                SharedKafka.uniqueTopic(name + ".raw"), SharedKafka.uniqueTopic(name + ".deals"),
                SharedKafka.uniqueTopic(name + ".events"), SharedKafka.uniqueTopic(name + ".dlq"));
        checkpointTopic = SharedKafka.uniqueTopic(name + ".checkpoints");
        SharedKafka.createTopics(PARTITIONS, topics.scanRequests(), topics.scanControl(), topics.dealsRaw(),
                topics.scanEvents(), topics.dealsDlq());
        String unique = SharedKafka.uniqueTopic(name);
        set("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        set("etl.topics.scan-requests", topics.scanRequests());
        set("etl.topics.scan-control", topics.scanControl());
        set("etl.topics.deals-raw", topics.dealsRaw());
        set("etl.topics.deals", topics.deals());
        set("etl.topics.scan-events", topics.scanEvents());
        set("etl.topics.deals-dlq", topics.dealsDlq());
        set("etl.topic-defaults.partitions", PARTITIONS);
        set("etl.extractor.checkpoint-topic", checkpointTopic);
        set("etl.extractor.group-id", unique + "-group");
        set("etl.extractor.transactional-id-prefix", unique + "-");
        set("etl.extractor.transaction-timeout", "10s");
        set("etl.extractor.shutdown-grace", "5s");
        set("etl.extractor.restore-timeout", "30s");
        set("etl.hubspot.rate-limit.requests", 0);
        set("etl.hubspot.rate-limit.search-per-second", 0);
        set("etl.hubspot.retry.base-backoff", "20ms");
        set("etl.hubspot.retry.max-backoff", "200ms");
        set("etl.hubspot.request-timeout", "5s");
        set("server.port", 0);
        client = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    String transactionalIdPrefix() {
        return properties.get("etl.extractor.transactional-id-prefix");
    }

    ExtractorHarness set(String key, Object value) {
        properties.put(key, String.valueOf(value));
        return this;
    }

    /** Points the extractor at the simulator, with its token under credential reference {@code ref}. */
    ExtractorHarness hubspot(HubSpotSimulator simulator, String ref) {
        set("etl.hubspot.base-url", simulator.baseUrl());
        return set("etl.hubspot.credentials." + ref, simulator.config().token());
    }

    /** The application's command-line arguments. */
    List<String> arguments() {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    ConfigurableApplicationContext start() {
        return start(WebApplicationType.NONE);
    }

    /** With {@link WebApplicationType#SERVLET}, actuator listens on {@code local.server.port}. */
    ConfigurableApplicationContext start(WebApplicationType web) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExtractorApplication.class)
                .web(web)
                .run(arguments().toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    void send(ScanRequest request) {
        byte[] value = new ScanRequestSerde().serialize(topics.scanRequests(), request);
        sendRaw(topics.scanRequests(), request.getOrganizationId(), value);
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            client.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    void cancel(String scanId, String reason) {
        ScanControl control = ScanControl.newBuilder().setScanId(scanId).setOrganizationId(ORG)
                .setAction(ScanControlAction.CANCEL).setReason(reason).setRequestedAt(Instant.now()).build();
        sendRaw(topics.scanControl(), scanId, new ScanControlSerde().serialize(topics.scanControl(), control));
    }

    synchronized RecordCollector<String, ScanEvent> events() {
        if (events == null) {
            events = collect(RecordCollector.committed(topics.scanEvents(), new ScanEventSerde()));
        }
        return events;
    }

    synchronized RecordCollector<String, RawDealPage> pages() {
        if (pages == null) {
            pages = collect(RecordCollector.committed(topics.dealsRaw(), new RawDealPageSerde()));
        }
        return pages;
    }

    RecordCollector<byte[], byte[]> dlq() {
        return collect(new RecordCollector<>(topics.dealsDlq(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), true));
    }

    List<ScanEvent> events(String scanId) {
        return events().values().stream().filter(e -> e.getScanId().equals(scanId)).toList();
    }

    List<RawDealPage> pages(String scanId) {
        return pages().values().stream().filter(p -> p.getScanId().equals(scanId)).toList();
    }

    ScanEvent awaitEvent(String scanId, ScanEventType type, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> events(scanId).stream().anyMatch(e -> e.getType() == type));
        return events(scanId).stream().filter(e -> e.getType() == type).findFirst().orElseThrow();
    }

    /** Waits for the scan's EXTRACTION_COMPLETED and for every page it covers to be collected. */
    ScanEvent awaitCompleted(String scanId, Duration timeout) {
        ScanEvent completed = awaitEvent(scanId, ScanEventType.EXTRACTION_COMPLETED, timeout);
        long pageEvents = events(scanId).stream().filter(e -> e.getType() == ScanEventType.PAGE_EXTRACTED).count();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> pages(scanId).size() >= pageEvents);
        return completed;
    }

    private <C extends AutoCloseable> C collect(C collector) {
        collectors.add(collector);
        return collector;
    }

    @Override
    public void close() throws Exception {
        for (ConfigurableApplicationContext context : contexts) {
            context.close();
        }
        for (AutoCloseable collector : collectors) {
            collector.close();
        }
        client.close(Duration.ofSeconds(5));
    }
}
