package dev.hubspotetl.transformer.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code kafkaStreams}: UP while the topology runs or rebalances, DOWN once Kafka Streams is
 * in error or stopped, UNKNOWN while it starts.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final KafkaStreamsRunner runner;

    KafkaStreamsHealthIndicator(KafkaStreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = runner.state();
        if (state == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        Health.Builder builder = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.unknown();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        return builder.withDetail("state", state.name()).withDetail("threads", runner.threads()).build();
    }
}
