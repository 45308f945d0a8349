package dev.hubspotetl.extractor.config;

import dev.hubspotetl.schemas.kafka.TopicNames;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the extractor is configured with, bound from {@code etl.*} (defaults in application.yml,
 * every name overridable by an environment variable such as {@code ETL_HUBSPOT_BASEURL}). Each part
 * validates itself, so that a bad value stops the application at start with a message naming it.
 *
 * @param topics        the pipeline's topic names (DESIGN.md §3)
 * @param hubspot       where HubSpot is, the credentials, the rate budget and the retry policy
 * @param extractor     the extractor's own settings: concurrency, checkpoint topic, group and transactions
 * @param topicDefaults partitions and replication of the topics the extractor declares
 */
@ConfigurationProperties("etl")
public record EtlProperties(TopicNames topics, HubSpotProperties hubspot, ExtractorProperties extractor,
                            TopicDefaults topicDefaults) {

    public EtlProperties {
        Objects.requireNonNull(topics, "etl.topics must be configured");
        Objects.requireNonNull(hubspot, "etl.hubspot must be configured");
        Objects.requireNonNull(extractor, "etl.extractor must be configured");
        Objects.requireNonNull(topicDefaults, "etl.topic-defaults must be configured");
        if (topics.all().contains(extractor.checkpointTopic())) {
            throw new IllegalArgumentException("etl.extractor.checkpoint-topic '" + extractor.checkpointTopic()
                    + "' must not be one of the pipeline's topics " + topics.all());
        }
    }

    /**
     * Partitions and replication factor of the topics the extractor creates when they are missing.
     *
     * @param partitions        partitions per topic (the checkpoint topic gets at least as many as the request topic)
     * @param replicationFactor replicas per partition
     */
    public record TopicDefaults(int partitions, short replicationFactor) {

        public TopicDefaults {
            if (partitions < 1) {
                throw new IllegalArgumentException("etl.topic-defaults.partitions must be at least 1, was " + partitions);
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException(
                        "etl.topic-defaults.replication-factor must be at least 1, was " + replicationFactor);
            }
        }
    }
}
