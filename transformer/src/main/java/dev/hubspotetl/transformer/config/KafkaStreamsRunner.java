package dev.hubspotetl.transformer.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the topology for as long as the application context: started after every bean (the topics
 * exist by then), closed first on shutdown so that open transactions finish within the close
 * timeout. A stream thread that dies is replaced; its uncommitted transaction aborts and is redone.
 */
final class KafkaStreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaStreamsRunner.class);

    private final Topology topology;
    private final Properties properties;
    private final Duration closeTimeout;
    private final MeterRegistry meterRegistry;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    KafkaStreamsRunner(Topology topology, Properties properties, Duration closeTimeout, MeterRegistry meterRegistry) {
        this.topology = topology;
        this.properties = properties;
        this.closeTimeout = closeTimeout;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams created = new KafkaStreams(topology, properties);
        created.setUncaughtExceptionHandler(error -> {
            log.error("A stream thread died; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((now, before) -> log.info("Kafka Streams state {} -> {}", before, now));
        metrics = new KafkaStreamsMetrics(created);
        metrics.bindTo(meterRegistry);
        created.start();
        streams = created;
        log.info("Kafka Streams application {} started:\n{}", properties.get(StreamsConfig.APPLICATION_ID_CONFIG), topology.describe());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        streams = null;
        // Leaving the group hands the partitions over at once; otherwise a restarted or surviving
        // instance waits a whole session timeout for this one's member to expire.
        if (!running.close(new KafkaStreams.CloseOptions().timeout(closeTimeout).leaveGroup(true))) {
            log.warn("Kafka Streams did not close within {}; open transactions will abort", closeTimeout);
        }
        metrics.close();
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The current state, or null when not started. */
    KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? null : current.state();
    }

    /** Live stream threads, for the health details. */
    int threads() {
        KafkaStreams current = streams;
        return current == null ? 0 : current.metadataForLocalThreads().size();
    }
}
