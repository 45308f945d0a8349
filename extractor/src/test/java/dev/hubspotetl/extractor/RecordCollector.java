package dev.hubspotetl.extractor;

import static org.awaitility.Awaitility.await;

import dev.hubspotetl.testsupport.SharedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every partition of one topic from the beginning on a background thread, for assertions. */
final class RecordCollector<K, V> implements AutoCloseable {

    private final List<ConsumerRecord<K, V>> records = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final List<TopicPartition> partitions;
    private final boolean readCommitted;
    private final Thread thread;
    private volatile boolean running = true;

    RecordCollector(String topic, Deserializer<K> keys, Deserializer<V> values, boolean readCommitted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.readCommitted = readCommitted;
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values);
        partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(50)).forEach(records::add);
                    partitions.forEach(p -> positions.put(p, consumer.position(p)));
                }
            }
        }, "collector-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    static <V> RecordCollector<String, V> committed(String topic, Deserializer<V> values) {
        return new RecordCollector<>(topic, new StringDeserializer(), values, true);
    }

    /** Waits until everything the topic holds now has been read. */
    RecordCollector<K, V> awaitCaughtUp() throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = SharedKafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(readCommitted ? IsolationLevel.READ_COMMITTED
                    : IsolationLevel.READ_UNCOMMITTED)).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> ends.entrySet().stream()
                .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue()));
        return this;
    }

    List<ConsumerRecord<K, V>> records() {
        return List.copyOf(records);
    }

    List<V> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
