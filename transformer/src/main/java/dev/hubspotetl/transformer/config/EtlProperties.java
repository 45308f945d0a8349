package dev.hubspotetl.transformer.config;

import dev.hubspotetl.schemas.kafka.TopicNames;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transformer's settings, bound from {@code etl.*} with defaults in application.yml and checked
 * when bound, so that a wrong value stops the application at start-up with the property's name.
 *
 * @param topics        the pipeline's topic names ({@code etl.topics.*})
 * @param transformer   the Kafka Streams application ({@code etl.transformer.*})
 * @param topicDefaults how to create the topics that do not exist yet ({@code etl.topic-defaults.*})
 */
@ConfigurationProperties("etl")
record EtlProperties(TopicNames topics, Transformer transformer, TopicDefaults topicDefaults) {

    EtlProperties {
        require(topics != null, "etl.topics must name the six topics");
        require(transformer != null, "etl.transformer must be set");
        require(topicDefaults != null, "etl.topic-defaults must be set");
    }

    /**
     * @param applicationId  Kafka Streams application.id: consumer group and transactional id prefix
     * @param streamThreads  stream threads of this instance
     * @param commitInterval how often a transaction commits; latency against throughput
     * @param stateDir       Kafka Streams state directory; null for java.io.tmpdir/kafka-streams
     * @param closeTimeout   how long a shutdown waits for the threads to finish their transactions
     */
    record Transformer(String applicationId, int streamThreads, Duration commitInterval, String stateDir,
                       Duration closeTimeout) {

        Transformer {
            require(applicationId != null && applicationId.matches("[a-zA-Z0-9._-]{1,200}"),
                    "etl.transformer.application-id must be 1-200 of a-z A-Z 0-9 . _ -, was '" + applicationId + "'");
            require(streamThreads >= 1 && streamThreads <= 64,
                    "etl.transformer.stream-threads must be 1 to 64, was " + streamThreads);
            require(commitInterval != null && !commitInterval.isNegative() && commitInterval.toMillis() >= 1,
                    "etl.transformer.commit-interval must be at least 1ms, was " + commitInterval);
            require(closeTimeout != null && !closeTimeout.isNegative(),
                    "etl.transformer.close-timeout must not be negative, was " + closeTimeout);
            stateDir = stateDir == null || stateDir.isBlank() ? null : stateDir;
        }
    }

    /**
     * @param partitions        partitions of a topic created by this application
     * @param replicationFactor replicas of a topic created by this application
     */
    record TopicDefaults(int partitions, short replicationFactor) {

        TopicDefaults {
            require(partitions >= 1, "etl.topic-defaults.partitions must be at least 1, was " + partitions);
            require(replicationFactor >= 1,
                    "etl.topic-defaults.replication-factor must be at least 1, was " + replicationFactor);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
