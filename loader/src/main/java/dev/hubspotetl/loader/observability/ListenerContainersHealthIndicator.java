package dev.hubspotetl.loader.observability;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Kafka health of the loader: DOWN when one of its consumer containers has stopped. */
@Component("kafka")
class ListenerContainersHealthIndicator implements HealthIndicator {

    private final Map<String, MessageListenerContainer> containers;

    ListenerContainersHealthIndicator(Map<String, MessageListenerContainer> containers) {
        this.containers = containers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        containers.forEach((name, container) -> {
            health.withDetail(name, container.isRunning() ? "running" : "stopped");
            if (!container.isRunning()) {
                health.down();
            }
        });
        return health.build();
    }
}
