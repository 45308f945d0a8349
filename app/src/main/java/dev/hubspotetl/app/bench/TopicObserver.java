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
 * Reads the scan-events topic from its beginning, read_committed, on its own thread while the scan
 * runs, and keeps the decoded events (the topic holds only this run's data: the bench uses a fresh
 * broker).
 */
final class TopicObserver implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final ScanEventSerde serde = new ScanEventSerde();
    private final List<ScanEvent> events = new ArrayList<>();
    private volatile RuntimeException failure;

    private TopicObserver(String bootstrapServers, String topic) {
        this.topic = topic;
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

    /** Scan events, decoded and kept. */
    static TopicObserver events(String bootstrapServers, String topic) {
        TopicObserver observer = new TopicObserver(bootstrapServers, topic);
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
                synchronized (this) {
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        try {
                            events.add(serde.deserialize(topic, record.value()));
                        } catch (RuntimeException e) {
                            // Not an event of ours (nothing else writes here in a bench run): skip it.
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
