package dev.hubspotetl.app.e2e.kill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.app.e2e.ExpectedDeals;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One kill test: a 2,000-deal portal scanned in 20-deal pages at 5 list calls per second (about 20 s of
 * extraction), a fault injected once a few hundred deals are loaded (plus a random delay of up to 2 s, so
 * that the fault lands at an arbitrary point of the scan), then DESIGN §6 invariants 1–4 checked once the scan
 * is finished: completed, exact counters and success_rate, exactly one row per deal with the
 * normalizer's values, each deal once on the read_committed deals topic, nothing dead-lettered.
 */
final class KillScenario implements AutoCloseable {

    static final String ORG = "org-kill";
    static final int DEALS = 2_000;
    static final int BATCH = 20;
    static final int CALLS_PER_SECOND = 5;

    /** What the test does to the running pipeline, mid-scan. */
    interface Fault {
        void inject(KillPipeline pipeline) throws Exception;
    }

    final HubSpotSimulator hubspot;
    final KillPipeline pipeline;
    final String scanId;
    final ExpectedDeals expected;
    int processedAtFault;

    KillScenario(String name, long seed, boolean brokerProcess) {
        String token = name + "-token";
        this.scanId = name + "-scan";
        this.hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(DEALS).seed(seed).token(token)
                .noRateLimits().build());
        KillPipeline started = null;
        try {
            started = new KillPipeline(name, hubspot, token, CALLS_PER_SECOND, brokerProcess).startStages();
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            hubspot.close();
            throw e;
        }
        this.pipeline = started;
        this.expected = new ExpectedDeals(ORG, scanId, hubspot.dataset().activeDeals());
    }

    int pages() {
        return (expected.size() + BATCH - 1) / BATCH;
    }

    long listCalls() {
        return hubspot.stats().requests("list");
    }

    /** Submits the scan, waits until {@code loadedBeforeFault} deals are loaded, injects the fault. */
    void run(int loadedBeforeFault, Fault fault) throws Exception {
        pipeline.submit(scanId, ORG, BATCH);
        pipeline.awaitProcessed(scanId, loadedBeforeFault, Duration.ofMinutes(3));
        Thread.sleep(ThreadLocalRandom.current().nextLong(2_000));
        processedAtFault = pipeline.processed(scanId);
        assertThat(pipeline.status(scanId)).as("status when the fault hits").isEqualTo("running");
        assertThat(processedAtFault).as("deals loaded when the fault hits").isLessThan(expected.size());
        System.out.printf("%s: fault at %d of %d deals loaded, %d of %d list calls made%n", scanId,
                processedAtFault, expected.size(), listCalls(), pages());
        fault.inject(pipeline);
    }

    /** Invariants 1–4 once the scan is finished. */
    void assertExact() throws InterruptedException {
        Map<String, Object> scan = pipeline.awaitFinished(scanId, Duration.ofMinutes(3));
        int deals = expected.size();
        expected.assertCompleted(scan, ORG);
        assertThat(pipeline.dealRows(scanId)).as("rows of the scan").isEqualTo(deals);
        expected.assertLoaded(pipeline.jdbc());
        expected.assertOnDealTopic(pipeline.readCommitted(KillPipeline.DEALS_TOPIC), KillPipeline.DEALS_TOPIC);
        assertThat(pipeline.readCommitted(KillPipeline.DLQ_TOPIC)).as("dead letters").isEmpty();
        // Nothing is counted twice afterwards either (late redeliveries): the row stays as it is.
        Thread.sleep(2_000);
        assertThat(pipeline.scanRow(scanId)).as("the scan row two seconds later").isEqualTo(scan);
        assertThat(pipeline.dealRows(scanId)).as("rows of the scan two seconds later").isEqualTo(deals);
    }

    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            hubspot.close();
        }
    }
}
