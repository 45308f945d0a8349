package dev.hubspotetl.transformer.config;

import dev.hubspotetl.transformer.topology.DeadLetterDeserializationExceptionHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration: tuned defaults, then Boot's {@code spring.kafka.*} connection and
 * security settings and any {@code spring.kafka.streams.properties.*} tuning (which may override the
 * defaults), then the settings this application depends on, which nothing overrides.
 */
final class StreamsSettings {

    static final int PRODUCER_BATCH_SIZE = 256 * 1024;

    private StreamsSettings() {
    }

    static Properties from(EtlProperties etl, Map<String, Object> springKafkaStreams) {
        EtlProperties.Transformer transformer = etl.transformer();
        Properties properties = new Properties();
        // one page becomes ~100 deals of ~600 bytes: 16 KiB batches hold a fraction of a page;
        // 256 KiB batches measured ~20% more deals/s on one thread (see README, benchmarks)
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_SIZE);
        properties.putAll(springKafkaStreams);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, transformer.applicationId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, transformer.streamThreads());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, transformer.commitInterval().toMillis());
        if (transformer.stateDir() != null) {
            properties.put(StreamsConfig.STATE_DIR_CONFIG, transformer.stateDir());
        }
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class);
        properties.put(DeadLetterDeserializationExceptionHandler.DEAD_LETTER_TOPIC_CONFIG, etl.topics().dealsDlq());
        properties.put(DeadLetterDeserializationExceptionHandler.SCAN_EVENTS_TOPIC_CONFIG, etl.topics().scanEvents());
        return properties;
    }
}
