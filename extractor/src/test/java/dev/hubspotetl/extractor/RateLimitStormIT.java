package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A 429 storm mid-scan: HubSpot's limit drops to a quarter of the configured budget while another
 * client hammers the same token. The extractor waits as the 429s' headers say, adopts the lower limit
 * from the rate-limit headers (after which no 429 comes) and still extracts every deal exactly once.
 */
@IntegrationTest
class RateLimitStormIT {

    private static final String REF = "portal-a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(300).seed(3)
                .rateLimit(40, Duration.ofSeconds(1)).searchRateLimitPerSecond(0).build());
        harness = new ExtractorHarness("storm").hubspot(hubspot, REF)
                .set("etl.hubspot.rate-limit.requests", 40)
                .set("etl.hubspot.rate-limit.window", "1s")
                .set("etl.hubspot.rate-limit.margin", "20ms");
        extractor = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldRideOutA429StormAndStillExtractEveryDealExactlyOnce() throws Exception {
        String scanId = "storm";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(5).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.pages(scanId).size() >= 5);

        hubspot.setRateLimit(10, Duration.ofSeconds(1));
        hammer(Duration.ofMillis(1_500));
        // Ten more pages take at least a second at 10/s: HubSpot's window has forgotten the storm by then.
        int pagesAfterStorm = harness.pages(scanId).size();
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.pages(scanId).size() >= pagesAfterStorm + 10);
        double afterStorm = rateLimited();

        ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(60));

        List<String> ids = new ArrayList<>();
        for (RawDealPage page : harness.pages(scanId)) {
            JSON.readTree(page.getBody()).path("results").forEach(deal -> ids.add(deal.path("id").asText()));
        }
        List<String> expected = hubspot.dataset().activeDeals().stream().map(SimulatedDeal::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(completed.getExtractedTotal()).isEqualTo((long) expected.size());
        assertThat(afterStorm).as("429s received during the storm").isPositive();
        assertThat(rateLimited()).as("no 429 once the governor adopted HubSpot's lower limit").isEqualTo(afterStorm);
        assertThat(hubspot.stats().rateLimited()).as("429s HubSpot sent, the other client's included")
                .isGreaterThanOrEqualTo((long) afterStorm);
    }

    private static double rateLimited() {
        Counter counter = extractor.getBean(MeterRegistry.class).find("hubspot.rate.limited").counter();
        return counter == null ? 0 : counter.count();
    }

    // Another client of the same portal spending the budget as fast as it can.
    private static void hammer(Duration duration) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubspot.baseUrl() + "/crm/v3/objects/deals?limit=1"))
                .header("Authorization", "Bearer " + hubspot.config().token()).build();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }
}
