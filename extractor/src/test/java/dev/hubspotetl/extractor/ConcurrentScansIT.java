package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import dev.hubspotetl.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several scans of one portal at once: at most {@code max-concurrent-scans} run, the others wait; they
 * share the credential's budget, which HubSpot (the simulator, enforcing the same limit) never has to
 * refuse; the per-second search budget holds as well.
 */
@IntegrationTest
class ConcurrentScansIT {

    private static final String REF = "portal-a";
    private static final int BUDGET_PER_SECOND = 30;
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(300).seed(9)
                .rateLimit(BUDGET_PER_SECOND, Duration.ofSeconds(1)).searchRateLimitPerSecond(5).build());
        harness = new ExtractorHarness("concurrent").hubspot(hubspot, REF)
                .set("etl.extractor.max-concurrent-scans", 2)
                .set("etl.hubspot.rate-limit.requests", BUDGET_PER_SECOND)
                .set("etl.hubspot.rate-limit.window", "1s")
                .set("etl.hubspot.rate-limit.search-per-second", 5)
                .set("etl.hubspot.rate-limit.margin", "20ms");
        extractor = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldRunAtMostTheConfiguredScansAtOnceSharingOneBudgetWithoutA429() throws Exception {
        MeterRegistry metrics = extractor.getBean(MeterRegistry.class);
        AtomicInteger mostRunning = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> mostRunning.accumulateAndGet(
                (int) metrics.get("extractor.scans.running").gauge().value(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
        long callsBefore = hubspot.stats().requests();
        long start = System.nanoTime();
        List<String> scans = List.of("shared-a", "shared-b", "shared-c");
        try {
            scans.forEach(scanId -> harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(10)
                    .build()));
            for (String scanId : scans) {
                ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(60));
                assertThat(completed.getExtractedTotal()).isEqualTo(hubspot.dataset().activeDeals().size());
            }
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = hubspot.stats().requests() - callsBefore;

        assertThat(mostRunning.get()).as("scans running at once").isEqualTo(2);
        assertThat(hubspot.stats().rateLimited()).as("429s").isZero();
        assertThat(calls).as("calls, several budgets worth").isGreaterThanOrEqualTo(2L * BUDGET_PER_SECOND);
        // The rolling window lets one budget through at once, then one per second.
        assertThat(seconds).as("the budget held").isGreaterThan((calls - BUDGET_PER_SECOND) / (double) BUDGET_PER_SECOND * 0.9);
        assertThat(calls / seconds).as("the budget was used").isGreaterThan(BUDGET_PER_SECOND * 0.4);
    }

    @Test
    void shouldKeepToFiveSearchesPerSecond() {
        long rateLimitedBefore = hubspot.stats().rateLimited();
        long searchesBefore = hubspot.stats().requests("search");
        long start = System.nanoTime();
        harness.send(Requests.incremental("searches", ExtractorHarness.ORG, REF,
                DatasetGenerator.HORIZON.minusSeconds(4 * 365 * 86_400L)).setBatchSize(20).build());
        harness.awaitCompleted("searches", Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        long searches = hubspot.stats().requests("search") - searchesBefore;

        assertThat(searches).isGreaterThan(10);
        assertThat(hubspot.stats().rateLimited()).isEqualTo(rateLimitedBefore);
        assertThat(seconds).isGreaterThan((searches - 5) / 5.0 * 0.9);
    }
}
