package dev.hubspotetl.transformer.config;

import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.transformer.topology.DealTopology;
import dev.hubspotetl.transformer.topology.TransformMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the pure {@link DealTopology} into the application: topics from {@code etl.topics.*},
 * Kafka Streams from {@code spring.kafka.*} and {@code etl.transformer.*}, its health and metrics,
 * and the declaration of the four topics it reads and writes (created by Spring's KafkaAdmin when
 * missing, before Kafka Streams starts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EtlProperties.class)
class TransformerConfiguration {

    @Bean
    Topics topics(EtlProperties etl) {
        return Topics.from(etl.topics());
    }

    @Bean
    TransformMetrics transformMetrics(MeterRegistry meterRegistry) {
        return new MicrometerTransformMetrics(meterRegistry);
    }

    @Bean
    Topology dealTopology(Topics topics, TransformMetrics transformMetrics) {
        return DealTopology.build(topics, transformMetrics);
    }

    @Bean
    KafkaStreamsRunner kafkaStreamsRunner(Topology dealTopology, EtlProperties etl, KafkaProperties kafka,
                                          MeterRegistry meterRegistry) {
        return new KafkaStreamsRunner(dealTopology, StreamsSettings.from(etl, kafka.buildStreamsProperties()),
                etl.transformer().closeTimeout(), meterRegistry);
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(KafkaStreamsRunner kafkaStreamsRunner) {
        return new KafkaStreamsHealthIndicator(kafkaStreamsRunner);
    }

    @Bean
    KafkaAdmin.NewTopics transformerTopics(EtlProperties etl) {
        EtlProperties.TopicDefaults defaults = etl.topicDefaults();
        TopicNames names = etl.topics();
        return new KafkaAdmin.NewTopics(Stream.of(names.dealsRaw(), names.deals(), names.scanEvents(), names.dealsDlq())
                .map(name -> TopicBuilder.name(name).partitions(defaults.partitions())
                        .replicas(defaults.replicationFactor()).build())
                .toArray(NewTopic[]::new));
    }
}
