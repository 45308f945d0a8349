package dev.hubspotetl.loader.config;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the topics the loader reads and writes when they do not exist yet; existing ones are left alone. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics loaderTopics(LoaderProperties properties) {
        LoaderProperties.TopicDefaults defaults = properties.topicDefaults();
        List<NewTopic> topics = properties.topics().all().stream()
                .map(name -> new NewTopic(name, defaults.partitions(), (short) defaults.replicationFactor()))
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
