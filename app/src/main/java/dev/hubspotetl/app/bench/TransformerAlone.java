package dev.hubspotetl.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The transformer alone: a {@link StageMain} process transforms the timed scan's raw pages again,
 * from where they start on the raw topic, into topics of its own, under an application id of its
 * own, while nothing else runs. Its rate is the scan's deals over the span in which its output grew;
 * the deals it wrote are counted afterwards (read_committed) and must be the scan's.
 */
final class TransformerAlone {

    static final String APPLICATION_ID = "hubspot-etl-bench-transformer-alone";
    static final String DEALS = "hubspot-etl-bench.alone.deals";
    static final String EVENTS = "hubspot-etl-bench.alone.scan-events";
    static final String DEAD_LETTERS = "hubspot-etl-bench.alone.deals-dlq";
    private static final long STALL_MILLIS = 120_000;

    private TransformerAlone() {
    }

    /** Where the scan's pages start on the raw topic. */
    record Start(String rawTopic, Map<Integer, Long> offsets) {
    }

    /** The properties that point the transformer at its own group and output topics. */
    static Map<String, String> properties() {
        return Map.of("etl.transformer.application-id", APPLICATION_ID, "etl.topics.deals", DEALS,
                "etl.topics.scan-events", EVENTS, "etl.topics.deals-dlq", DEAD_LETTERS);
    }

    static StageResult run(String bootstrapServers, Start start, long deals, List<String> command, Path log,
                           Path heapReport) throws IOException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            BenchTopics.createMissing(bootstrapServers, List.of(DEALS, EVENTS, DEAD_LETTERS));
            Map<TopicPartition, OffsetAndMetadata> from = start.offsets().entrySet().stream().collect(
                    Collectors.toMap(e -> new TopicPartition(start.rawTopic(), e.getKey()),
                            e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(APPLICATION_ID, from).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return StageResult.failed("cannot prepare its topics and offsets: " + e.getMessage());
        }
        try (AloneProcess process = AloneProcess.start(command, log, heapReport);
             CommittedOffsets output = CommittedOffsets.of(bootstrapServers, DEALS)) {
            long lastChange = System.currentTimeMillis();
            long lastGrown = 0;
            while (output.grown() < deals) {
                if (process.exited().isPresent()) {
                    return StageResult.failed(process.exited().get());
                }
                long now = System.currentTimeMillis();
                if (output.grown() != lastGrown) {
                    lastGrown = output.grown();
                    lastChange = now;
                } else if (now - lastChange > STALL_MILLIS) {
                    return StageResult.failed("no progress for " + STALL_MILLIS / 1000 + " s (see " + log + ")");
                }
                Thread.sleep(CommittedOffsets.PERIOD_MILLIS);
            }
            // The offsets count transaction markers too: let the last commits land before stopping.
            Thread.sleep(5 * CommittedOffsets.PERIOD_MILLIS);
            OptionalDouble rate = output.rate(deals);
            OptionalLong heap = process.stop();
            long written = count(bootstrapServers, DEALS);
            // A rate is reported only for a run that wrote exactly the scan's deals.
            return written == deals ? new StageResult(rate, heap, written, rate.isPresent() ? null
                    : "its output grew on too few samples to time")
                    : new StageResult(OptionalDouble.empty(), heap, written,
                            "wrote " + written + " deals, expected " + deals);
        }
    }

    /** Records a read_committed consumer sees on {@code topic}. */
    static long count(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long records = 0;
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                records += batch.count();
            }
            return records;
        }
    }
}
