package dev.hubspotetl.app.e2e.kill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 invariant 3: the extractor, its own OS process, is killed with SIGKILL while it pages through
 * HubSpot and started again. It resumes from its last checkpoint: HubSpot is asked for each page once,
 * plus at most the page or two in flight at the kill, and every deal is loaded exactly once.
 */
class KillExtractorIT {

    @Test
    void shouldResumeFromTheCheckpointAfterTheExtractorIsKilledMidScan() throws Exception {
        try (KillScenario scenario = new KillScenario("kill-extractor", 33, false)) {
            long[] listCallsAtKill = new long[1];
            scenario.run(200, pipeline -> {
                pipeline.extractor.kill();
                listCallsAtKill[0] = scenario.listCalls();
                assertThat(pipeline.extractor.isAlive()).isFalse();
                assertThat(listCallsAtKill[0]).as("list calls made before the kill: extraction unfinished")
                        .isLessThan(scenario.pages());
                pipeline.extractor.start();
            });
            scenario.assertExact();
            System.out.printf("kill-extractor: %d pages, %d list calls (%d before the kill)%n", scenario.pages(),
                    scenario.listCalls(), listCallsAtKill[0]);
            assertThat(scenario.listCalls()).as("list calls: each page once, plus those in flight at the kill")
                    .isBetween((long) scenario.pages(), (long) scenario.pages() + 2);
        }
    }
}
