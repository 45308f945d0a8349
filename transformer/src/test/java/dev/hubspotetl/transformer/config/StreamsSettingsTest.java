package dev.hubspotetl.transformer.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.transformer.topology.DeadLetterDeserializationExceptionHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** What Kafka Streams is configured with, and what Boot's generic settings may not override. */
class StreamsSettingsTest {

    private final EtlProperties etl = new EtlProperties(TopicNames.DEFAULTS,
            new EtlProperties.Transformer("transformer-app", 3, Duration.ofMillis(250), null, Duration.ofSeconds(5)),
            new EtlProperties.TopicDefaults(6, (short) 1));

    @Test
    void shouldRunExactlyOnceWithTheConfiguredThreadsAndCommitInterval() {
        Properties properties = StreamsSettings.from(etl, Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                "security.protocol", "SSL"));

        assertThat(properties)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "transformer-app")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationExceptionHandler.class)
                .containsEntry(DeadLetterDeserializationExceptionHandler.DEAD_LETTER_TOPIC_CONFIG, "hubspot.deals.dlq")
                .containsEntry(DeadLetterDeserializationExceptionHandler.SCAN_EVENTS_TOPIC_CONFIG,
                        "hubspot.scan-events")
                .containsEntry("producer.batch.size", 256 * 1024)
                .doesNotContainKey(StreamsConfig.STATE_DIR_CONFIG);
        // the configuration is one that Kafka Streams accepts
        assertThat(new StreamsConfig(properties).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldNotLetGenericStreamsPropertiesWeakenTheGuarantee() {
        Properties properties = StreamsSettings.from(etl, Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                StreamsConfig.APPLICATION_ID_CONFIG, "from-spring-kafka-streams"));

        assertThat(properties)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "transformer-app");
    }

    @Test
    void shouldLetSpringKafkaStreamsPropertiesTuneTheProducer() {
        Properties properties = StreamsSettings.from(etl, Map.of("producer.batch.size", 65536));

        assertThat(properties).containsEntry("producer.batch.size", 65536);
    }

    @Test
    void shouldUseTheConfiguredStateDirectory() {
        EtlProperties withStateDir = new EtlProperties(TopicNames.DEFAULTS,
                new EtlProperties.Transformer("transformer-app", 1, Duration.ofMillis(100), "/data/streams",
                        Duration.ofSeconds(5)),
                new EtlProperties.TopicDefaults(6, (short) 1));

        assertThat(StreamsSettings.from(withStateDir, Map.of()))
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/data/streams");
    }
}
