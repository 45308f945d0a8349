package dev.hubspotetl.app.bench;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic from its beginning, read_committed, on its own thread while the scan runs: counts
 * records and notes the wall-clock time at which they became visible (the topic holds only this run's
 * data: the bench uses a fresh broker). For the scan-events topic it also keeps the decoded events.
 */
final class TopicObserver implements AutoCloseable {

    private final String topic;
    private final boolean decodeEvents;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final ScanEventSerde serde = new ScanEventSerde();
    private final List<ScanEvent> events = new ArrayList<>();
    private long records;
    private long firstSeenMillis;
    private long lastSeenMillis;
    private volatile RuntimeException failure;

    private TopicObserver(String bootstrapServers, String topic, boolean decodeEvents) {
        this.topic = topic;
        this.decodeEvents = decodeEvents;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "hubspot-etl-bench-" + topic,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::loop, "bench-observer-" + topic);
        this.thread.setDaemon(true);
    }

    /** Deal records (or any records): counted with the time they became visible. */
    static TopicObserver records(String bootstrapServers, String topic) {
        TopicObserver observer = new TopicObserver(bootstrapServers, topic, false);
        observer.thread.start();
        return observer;
    }

    /** Scan events, decoded and kept. */
    static TopicObserver events(String bootstrapServers, String topic) {
        TopicObserver observer = new TopicObserver(bootstrapServers, topic, true);
        observer.thread.start();
        return observer;
    }

    private void loop() {
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(50));
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.currentTimeMillis();
                synchronized (this) {
                    if (records == 0) {
                        firstSeenMillis = now;
                    }
                    lastSeenMillis = now;
                    records += batch.count();
                    if (decodeEvents) {
                        for (ConsumerRecord<byte[], byte[]> record : batch) {
                            try {
                                events.add(serde.deserialize(topic, record.value()));
                            } catch (RuntimeException e) {
                                // Not an event of ours (nothing else writes here in a bench run): skip it.
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                failure = e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    synchronized long records() {
        return records;
    }

    /** Records per second over the span in which they became visible; empty for fewer than two polls' worth. */
    synchronized java.util.OptionalDouble visibleRate() {
        long span = lastSeenMillis - firstSeenMillis;
        return records == 0 || span <= 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(records / (span / 1000.0));
    }

    synchronized List<ScanEvent> events() {
        return List.copyOf(events);
    }

    RuntimeException failure() {
        return failure;
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
