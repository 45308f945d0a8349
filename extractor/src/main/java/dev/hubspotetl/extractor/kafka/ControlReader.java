package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.kafka.ScanControlSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of {@code hubspot.scan-control} from its beginning, without a consumer group:
 * a cancel must reach whichever instance runs the scan, now or after a restart or rebalance, so each
 * instance knows them all ({@link CancelRegistry}). Starts before the request consumer and tells the
 * registry once it has read what the topic held at start, so that no cancelled scan is resumed.
 * An undecodable record is logged and counted ({@code extractor_control_undecodable_total}); it is not
 * dead-lettered, because every instance reads every record and would each write it again.
 */
public final class ControlReader implements SmartLifecycle {

    /** Before the listener containers, which start in phase {@code Integer.MAX_VALUE - 100}. */
    static final int PHASE = Integer.MAX_VALUE - 200;
    private static final Logger log = LoggerFactory.getLogger(ControlReader.class);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final CancelRegistry cancels;
    private final ScanControlSerde serde = new ScanControlSerde();
    private final Counter undecodable;
    private volatile Thread thread;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running;

    public ControlReader(String topic, Supplier<Consumer<String, byte[]>> consumers, CancelRegistry cancels,
                         MeterRegistry registry) {
        this.topic = topic;
        this.consumers = consumers;
        this.cancels = cancels;
        this.undecodable = Counter.builder("extractor.control.undecodable")
                .description("Undecodable records on the scan-control topic").register(registry);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::readForever, "extractor-control");
        thread.setDaemon(true);
        thread.start();
    }

    private void readForever() {
        try (Consumer<String, byte[]> reader = consumers.get()) {
            consumer = reader;
            Set<TopicPartition> assigned = new HashSet<>();
            Map<TopicPartition, Long> endAtStart = null;
            long nextRefresh = 0;
            while (running) {
                if (System.nanoTime() - nextRefresh >= 0) {
                    assign(reader, assigned);
                    nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
                    if (endAtStart == null && !assigned.isEmpty()) {
                        endAtStart = reader.endOffsets(assigned);
                    }
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
                if (!cancels.caughtUp() && endAtStart != null && reached(reader, endAtStart)) {
                    cancels.markCaughtUp();
                    log.info("Read every cancel on {} up to where it ended at start", topic);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("The scan-control reader stopped; cancels are no longer seen", e);
            throw e;
        }
    }

    private void assign(Consumer<String, byte[]> reader, Set<TopicPartition> assigned) {
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (!assigned.containsAll(partitions)) {
            List<TopicPartition> added = partitions.stream().filter(p -> !assigned.contains(p)).toList();
            assigned.addAll(added);
            reader.assign(assigned);
            reader.seekToBeginning(added);
        }
    }

    private static boolean reached(Consumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        ScanControl control;
        try {
            control = serde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            undecodable.increment();
            log.error("Ignoring an undecodable scan-control record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset(), e);
            return;
        }
        if (control.getAction() == ScanControlAction.CANCEL) {
            log.debug("Cancel of scan {} at {}-{}@{}", control.getScanId(), record.topic(), record.partition(),
                    record.offset());
            cancels.cancel(control.getScanId(), control.getReason());
        } else {
            log.debug("Ignoring control action {} for scan {}", control.getAction(), control.getScanId());
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** Whether the reader thread is alive, for the health check. */
    public boolean healthy() {
        return !running || (thread != null && thread.isAlive());
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
