package dev.hubspotetl.extractor.config;

import dev.hubspotetl.extractor.kafka.ControlReader;
import dev.hubspotetl.extractor.scan.ScanScheduler;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}: up while the scan-request consumer and the scan-control reader run; the
 * details tell how many scans run and wait here.
 */
@Component
class ExtractorHealthIndicator implements HealthIndicator {

    private final MessageListenerContainer scanRequestContainer;
    private final ControlReader controlReader;
    private final ScanScheduler scheduler;

    ExtractorHealthIndicator(MessageListenerContainer scanRequestContainer, ControlReader controlReader,
                             ScanScheduler scheduler) {
        this.scanRequestContainer = scanRequestContainer;
        this.controlReader = controlReader;
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        boolean consuming = scanRequestContainer.isRunning() && scanRequestContainer.isInExpectedState();
        Health.Builder health = consuming && controlReader.healthy() ? Health.up() : Health.down();
        return health
                .withDetail("scanRequestConsumer", scanRequestContainer.isRunning() ? "running" : "stopped")
                .withDetail("scanControlReader", controlReader.healthy() ? "running" : "stopped")
                .withDetail("scansRunning", scheduler.running())
                .withDetail("scansHere", scheduler.size())
                .build();
    }
}
