package dev.hubspotetl.app.e2e.kill;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 invariant 3: the Kafka broker, its own OS process, is killed with SIGKILL in the middle of a
 * scan (its log unflushed, every stage's transaction and connection cut) and started again on the same
 * port and log directory after five seconds. Every stage reconnects; every deal is loaded exactly once.
 */
class KillBrokerIT {

    @Test
    void shouldLoadEveryDealOnceAfterTheBrokerIsKilledMidScan() throws Exception {
        try (KillScenario scenario = new KillScenario("kill-broker", 35, true)) {
            scenario.run(300, pipeline -> pipeline.killAndRestartBroker(Duration.ofSeconds(5)));
            scenario.assertExact();
        }
    }
}
