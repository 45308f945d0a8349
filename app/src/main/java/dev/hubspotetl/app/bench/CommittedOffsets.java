package dev.hubspotetl.app.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast a topic's committed records grow, without reading them: every {@value #PERIOD_MILLIS} ms,
 * on its own thread, the sum of the partitions' last stable offsets (what a read_committed consumer
 * may see). Reading a stage's whole output would cost the pipeline the CPU it is measured on. The
 * offsets count transaction markers too, so the count is divided by what the caller knows arrived.
 */
final class CommittedOffsets implements AutoCloseable {

    static final long PERIOD_MILLIS = 200;

    private final Admin admin;
    private final List<TopicPartition> partitions;
    private final Map<Integer, Long> baselineOffsets;
    private final long baseline;
    private final Thread thread;
    private volatile boolean running = true;
    private long firstGrowthMillis;
    private long lastGrowthMillis;
    private long lastTotal;
    private volatile RuntimeException failure;

    private CommittedOffsets(String bootstrapServers, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "hubspot-etl-bench-offsets-" + topic));
        try {
            this.partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            this.baselineOffsets = latest();
            this.baseline = baselineOffsets.values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admin.close(Duration.ofSeconds(5));
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw new IllegalStateException("Cannot describe " + topic + ": " + e.getMessage(), e);
        }
        this.lastTotal = baseline;
        this.thread = new Thread(this::loop, "bench-offsets-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts sampling {@code topic}; what it held before is the baseline. */
    static CommittedOffsets of(String bootstrapServers, String topic) {
        CommittedOffsets offsets = new CommittedOffsets(bootstrapServers, topic);
        offsets.thread.start();
        return offsets;
    }

    private void loop() {
        try {
            while (running) {
                long total = total();
                long now = System.currentTimeMillis();
                synchronized (this) {
                    if (total > lastTotal) {
                        if (firstGrowthMillis == 0) {
                            firstGrowthMillis = now;
                        }
                        lastGrowthMillis = now;
                        lastTotal = total;
                    }
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private long total() {
        return latest().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<Integer, Long> latest() {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list the offsets of " + partitions + ": " + e.getMessage(), e);
        }
    }

    /** Each partition's last stable offset now, without sampling. */
    static Map<Integer, Long> lastStable(String bootstrapServers, String topic) {
        CommittedOffsets offsets = new CommittedOffsets(bootstrapServers, topic);
        offsets.close();
        return offsets.baselineOffsets();
    }

    /** Each partition's last stable offset when sampling began: where whatever came after starts. */
    Map<Integer, Long> baselineOffsets() {
        return baselineOffsets;
    }

    /** Offsets committed since the baseline: records plus transaction markers. */
    synchronized long grown() {
        return lastTotal - baseline;
    }

    /**
     * {@code records} (what the caller knows arrived, markers excluded) per second over the span in
     * which the offsets grew; empty before the offsets grew on two samples or when the sampling failed.
     */
    synchronized OptionalDouble rate(long records) {
        long span = lastGrowthMillis - firstGrowthMillis;
        if (failure != null || records <= 0 || span <= 0) {
            return OptionalDouble.empty();
        }
        // The first sample that saw growth already holds a period's records: count the period in.
        return OptionalDouble.of(records / ((span + PERIOD_MILLIS) / 1000.0));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
