package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest {@link ScanCheckpoint} of every scan on the checkpoint partitions this instance owns,
 * read (read_committed) from the compacted checkpoint topic. A partition is read to its end when it
 * is assigned, and again each time a scan (re)starts, right after that scan's producer has fenced
 * everyone else: what is read then is exactly what was committed, and nobody else can add to it.
 */
public final class CheckpointStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final String topic;
    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final Admin admin;
    private final Duration timeout;
    private final ScanCheckpointSerde serde = new ScanCheckpointSerde();
    private final Map<Integer, View> views = new ConcurrentHashMap<>();

    private static final class View {
        final TopicPartition partition;
        final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
        final ReentrantLock lock = new ReentrantLock();
        final Map<String, ScanCheckpoint> latest = new ConcurrentHashMap<>();
        boolean closed;

        View(TopicPartition partition, org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer) {
            this.partition = partition;
            this.consumer = consumer;
        }
    }

    public CheckpointStore(String topic, Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
                           Admin admin, Duration timeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Reads checkpoint partition {@code partition} from its beginning to its end and returns the scans
     * still RUNNING there. An instance that crashed mid-transaction holds readers back until its
     * transaction times out, unless its scans are fenced: {@code fence} gets the running scan ids when
     * reading stalls.
     */
    public List<ScanCheckpoint> open(int partition, Consumer<List<String>> fence) {
        close(partition);
        TopicPartition tp = new TopicPartition(topic, partition);
        View view = new View(tp, consumers.get());
        view.consumer.assign(List.of(tp));
        view.consumer.seekToBeginning(List.of(tp));
        view.lock.lock();
        try {
            readToEnd(view, () -> fence.accept(running(view).stream().map(ScanCheckpoint::getScanId).toList()));
            views.put(partition, view);
            List<ScanCheckpoint> running = running(view);
            log.info("Checkpoint partition {} restored: {} scans known, {} to resume", partition, view.latest.size(),
                    running.size());
            return running;
        } catch (RuntimeException e) {
            view.consumer.close();
            throw e;
        } finally {
            view.lock.unlock();
        }
    }

    /** Forgets a partition this instance no longer owns. */
    public void close(int partition) {
        View view = views.remove(partition);
        if (view != null) {
            view.lock.lock();
            try {
                view.closed = true;
                view.consumer.close(Duration.ofSeconds(5));
            } finally {
                view.lock.unlock();
            }
        }
    }

    /** Whether the partition has been read and is owned here. */
    public boolean isOpen(int partition) {
        return views.containsKey(partition);
    }

    /** Whether a scan id has been accepted on this partition, in whatever state. */
    public boolean knows(int partition, String scanId) {
        View view = views.get(partition);
        return view != null && view.latest.containsKey(scanId);
    }

    /** Records a checkpoint this instance has just committed, so that {@link #knows} sees it at once. */
    public void remember(int partition, ScanCheckpoint checkpoint) {
        View view = views.get(partition);
        if (view != null) {
            view.latest.putIfAbsent(checkpoint.getScanId(), checkpoint);
        }
    }

    /**
     * Reads the partition to its current end and returns the scan's latest committed checkpoint; empty
     * if the partition is not (or no longer) owned here.
     *
     * @throws TimeoutException if the end could not be reached within the restore timeout
     */
    public Optional<ScanCheckpoint> catchUp(int partition, String scanId) {
        View view = views.get(partition);
        if (view == null) {
            return Optional.empty();
        }
        view.lock.lock();
        try {
            if (view.closed) {
                return Optional.empty();
            }
            readToEnd(view, null);
            return Optional.ofNullable(view.latest.get(scanId));
        } finally {
            view.lock.unlock();
        }
    }

    private void readToEnd(View view, Runnable onStall) {
        long target = highWatermark(view.partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        long position = view.consumer.position(view.partition);
        long lastProgress = System.nanoTime();
        boolean stallHandled = false;
        while (position < target) {
            for (ConsumerRecord<String, byte[]> record : view.consumer.poll(Duration.ofMillis(50))) {
                apply(view, record);
            }
            long now = System.nanoTime();
            long next = view.consumer.position(view.partition);
            if (next != position) {
                position = next;
                lastProgress = now;
            } else if (onStall != null && !stallHandled && now - lastProgress > STALL_NANOS) {
                stallHandled = true;
                onStall.run();
            }
            if (now - deadline > 0) {
                throw new TimeoutException("Checkpoint partition " + view.partition + " stayed unreadable at offset "
                        + position + " (end " + target + ") for " + timeout + ": an open transaction holds it back");
            }
        }
    }

    private void apply(View view, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            view.latest.remove(record.key());
            return;
        }
        try {
            ScanCheckpoint checkpoint = serde.deserialize(record.topic(), record.value());
            view.latest.put(checkpoint.getScanId(), checkpoint);
        } catch (SerializationException e) {
            log.error("Skipping an undecodable checkpoint at {}-{}@{}", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    private static List<ScanCheckpoint> running(View view) {
        return view.latest.values().stream().filter(c -> c.getState() == ScanCheckpointState.RUNNING).toList();
    }

    private long highWatermark(TopicPartition partition) {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while reading the end of " + partition, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Cannot read the end offset of " + partition, e);
        }
    }

    @Override
    public void close() {
        List.copyOf(views.keySet()).forEach(this::close);
    }
}
