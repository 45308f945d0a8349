package dev.hubspotetl.app.e2e.kill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 invariant 3: the loader, its own OS process, is killed with SIGKILL in the middle of a scan
 * (a batch possibly half written, offsets uncommitted) and started again. The scan completes with every
 * deal loaded exactly once and counted exactly once.
 */
class KillLoaderIT {

    @Test
    void shouldLoadEveryDealOnceAfterTheLoaderIsKilledMidScan() throws Exception {
        try (KillScenario scenario = new KillScenario("kill-loader", 31, false)) {
            scenario.run(300, pipeline -> {
                pipeline.loader.kill();
                assertThat(pipeline.loader.isAlive()).isFalse();
                pipeline.loader.start();
            });
            scenario.assertExact();
        }
    }
}
