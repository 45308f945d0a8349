package dev.hubspotetl.app.e2e.kill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 invariant 3: the transformer (Kafka Streams, exactly-once v2), its own OS process, is killed
 * with SIGKILL in the middle of a scan (a transaction possibly open) and started again. Its open
 * transaction is aborted, the pages are transformed again, and read_committed readers (the loader, the
 * test) see each deal exactly once.
 */
class KillTransformerIT {

    @Test
    void shouldPublishAndLoadEveryDealOnceAfterTheTransformerIsKilledMidScan() throws Exception {
        try (KillScenario scenario = new KillScenario("kill-transformer", 32, false)) {
            scenario.run(300, pipeline -> {
                pipeline.transformer.kill();
                assertThat(pipeline.transformer.isAlive()).isFalse();
                pipeline.transformer.start();
            });
            scenario.assertExact();
        }
    }
}
