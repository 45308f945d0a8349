package dev.hubspotetl.extractor;

import static org.awaitility.Awaitility.await;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Prints the extractor's figures (run with {@code ./mvnw -B -Pbench verify -pl extractor}): pages/s and
 * deals/s against the simulator with rate limits off, one scan and four at once; and with HubSpot's
 * limits on (100 calls per rolling 10 s, 5 searches per second, enforced by the simulator), the share
 * of the budget the governor actually spends and the number of 429s it gets.
 */
@IntegrationTest
class ExtractorBenchmark {

    private static final String REF = "portal-a";
    private static final Duration MEASURED = Duration.ofSeconds(40);

    @Test
    void throughputWithRateLimitsOff() throws Exception {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(50_000).seed(1)
                .archivedShare(0).noRateLimits().build());
             ExtractorHarness harness = new ExtractorHarness("bench-open").hubspot(hubspot, REF)
                     .set("etl.extractor.max-concurrent-scans", 4)) {
            harness.start();
            scan(harness, "warm-up", 100);
            int properties = hubspot.dataset().properties().size();
            long start = System.nanoTime();
            ScanEvent completed = scan(harness, "one-scan", 100);
            double seconds = seconds(start);
            long pages = harness.pages("one-scan").size();
            print("Rate limits off, one scan of %,d deals with all %d properties, 100 per page: %,d pages in %.1f s"
                            + " = %,.0f pages/s, %,.0f deals/s", completed.getExtractedTotal(), properties, pages,
                    seconds, pages / seconds, completed.getExtractedTotal() / seconds);

            List<String> scans = IntStream.range(0, 4).mapToObj(i -> "parallel-" + i).toList();
            start = System.nanoTime();
            scans.forEach(scanId -> harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).build()));
            long deals = 0;
            for (String scanId : scans) {
                deals += harness.awaitCompleted(scanId, Duration.ofMinutes(5)).getExtractedTotal();
            }
            seconds = seconds(start);
            long allPages = scans.stream().mapToLong(scanId -> harness.pages(scanId).size()).sum();
            print("Rate limits off, four scans at once: %,d pages, %,d deals in %.1f s = %,.0f pages/s, %,.0f deals/s",
                    allPages, deals, seconds, allPages / seconds, deals / seconds);
        }
    }

    @Test
    void budgetUsedWithHubSpotsLimitsOn() throws Exception {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(12_000).seed(2)
                .rateLimit(100, Duration.ofSeconds(10)).searchRateLimitPerSecond(5).build());
             ExtractorHarness harness = new ExtractorHarness("bench-limited").hubspot(hubspot, REF)
                     .set("etl.hubspot.rate-limit.requests", 100)
                     .set("etl.hubspot.rate-limit.window", "10s")
                     .set("etl.hubspot.rate-limit.search-per-second", 5)) {
            harness.start();
            // Three scans of one portal ask for more than the budget: the governor, not the scans, sets the pace.
            List<String> lists = List.of("limited-list-1", "limited-list-2", "limited-list-3");
            lists.forEach(scanId -> harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(10)
                    .setProperties(List.of("dealname", "amount")).build()));
            long calls = measure(hubspot, "list", Duration.ofSeconds(10), MEASURED);
            cancelAll(harness, lists);
            print("Rate limits on (100 calls per rolling 10 s), three scans, after the first window: %d list calls in"
                            + " %d s = %.1f %% of the budget, %d x 429", calls, MEASURED.toSeconds(),
                    100.0 * calls / (100 * MEASURED.toSeconds() / 10), hubspot.stats().rateLimited());

            long rateLimitedBefore = hubspot.stats().rateLimited();
            // Let the rolling window empty, so that the search measurement starts from a fresh budget.
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            List<String> searches = List.of("limited-search-1", "limited-search-2", "limited-search-3");
            searches.forEach(scanId -> harness.send(Requests.incremental(scanId, ExtractorHarness.ORG, REF,
                    DatasetGenerator.HORIZON.minus(Duration.ofDays(2_000))).setBatchSize(10)
                    .setProperties(List.of("dealname")).build()));
            Duration searchWindow = Duration.ofSeconds(20);
            long searchCalls = measure(hubspot, "search", Duration.ofSeconds(1), searchWindow);
            cancelAll(harness, searches);
            print("Search limit on (5 per second, inside the same 100 per 10 s), three scans: %d searches in %d s ="
                            + " %.1f %% of the search budget, %d x 429", searchCalls, searchWindow.toSeconds(),
                    100.0 * searchCalls / (5 * searchWindow.toSeconds()),
                    hubspot.stats().rateLimited() - rateLimitedBefore);
        }
    }

    private static void cancelAll(ExtractorHarness harness, List<String> scanIds) {
        scanIds.forEach(scanId -> harness.cancel(scanId, "benchmark done"));
        scanIds.forEach(scanId -> harness.awaitEvent(scanId, ScanEventType.CANCELLED, Duration.ofSeconds(30)));
    }

    // Calls of one endpoint in {@code duration}, starting {@code skip} after the scan's first call: the initial
    // burst a fresh rolling window allows is left out, so that the figure is the steady state.
    private static long measure(HubSpotSimulator hubspot, String endpoint, Duration skip, Duration duration) {
        long before = hubspot.stats().requests(endpoint);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                .until(() -> hubspot.stats().requests(endpoint) > before);
        long start = System.nanoTime() + skip.toNanos();
        await().atMost(skip.plusSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> System.nanoTime() >= start);
        long first = hubspot.stats().requests(endpoint);
        long end = start + duration.toNanos();
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> System.nanoTime() >= end);
        return hubspot.stats().requests(endpoint) - first;
    }

    private static ScanEvent scan(ExtractorHarness harness, String scanId, int batch) {
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(batch).build());
        return harness.awaitCompleted(scanId, Duration.ofMinutes(5));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String format, Object... values) {
        System.out.println("[extractor benchmark] " + String.format(Locale.ROOT, format, values));
    }
}
