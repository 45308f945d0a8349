package dev.hubspotetl.app.e2e.kill;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 invariant 3: PostgreSQL is stopped in the middle of a scan (open connections cut, the
 * loader's transaction rolled back) and started again five seconds later on the same port and data
 * directory. The loader retries its batches; every deal is loaded and counted exactly once.
 */
class KillPostgresIT {

    @Test
    void shouldLoadEveryDealOnceAfterPostgresRestartsMidScan() throws Exception {
        try (KillScenario scenario = new KillScenario("kill-postgres", 34, false)) {
            scenario.run(300, pipeline -> pipeline.restartPostgres(Duration.ofSeconds(5)));
            scenario.assertExact();
        }
    }
}
