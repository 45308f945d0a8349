package dev.hubspotetl.extractor.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics the extractor reads and writes; KafkaAdmin creates those that are missing and
 * leaves existing ones as they are. The checkpoint topic follows the request topic's partition count
 * (see {@code CheckpointTopic}).
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    // Raw pages carry whole HubSpot bodies: 100 deals with long descriptions exceed Kafka's 1 MB default.
    static final String RAW_PAGE_MAX_BYTES = Integer.toString(8 * 1024 * 1024);

    @Bean
    KafkaAdmin.NewTopics extractorTopics(EtlProperties etl) {
        EtlProperties.TopicDefaults defaults = etl.topicDefaults();
        return new KafkaAdmin.NewTopics(
                topic(etl.topics().scanRequests(), defaults),
                topic(etl.topics().scanControl(), defaults),
                TopicBuilder.name(etl.topics().dealsRaw()).partitions(defaults.partitions())
                        .replicas(defaults.replicationFactor())
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, RAW_PAGE_MAX_BYTES).build(),
                topic(etl.topics().scanEvents(), defaults),
                topic(etl.topics().dealsDlq(), defaults));
    }

    private static NewTopic topic(String name, EtlProperties.TopicDefaults defaults) {
        return TopicBuilder.name(name).partitions(defaults.partitions()).replicas(defaults.replicationFactor()).build();
    }
}
