package dev.hubspotetl.transformer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Until Kafka Streams runs, the application is not healthy; the running states are covered by the integration test. */
class KafkaStreamsHealthIndicatorTest {

    @Test
    void shouldBeDownBeforeKafkaStreamsStarts() {
        KafkaStreamsRunner runner = new KafkaStreamsRunner(new Topology(), new Properties(), Duration.ofSeconds(1),
                new SimpleMeterRegistry());

        Health health = new KafkaStreamsHealthIndicator(runner).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
    }
}
