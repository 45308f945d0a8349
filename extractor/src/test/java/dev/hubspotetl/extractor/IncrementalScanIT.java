package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.HubSpotTime;
import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incremental scans through HubSpot's search API: more than 10,000 matches, 10,500 of them modified at
 * the very same millisecond, pass the 10,000-result cap (every page searches above the last id seen,
 * so no query reaches the cap and the shared instant cannot loop); and every property, split over
 * several search bodies because the simulator refuses bodies over 600 characters, merged by id.
 */
@IntegrationTest
class IncrementalScanIT {

    private static final String REF = "portal-a";
    private static final int SHARED_INSTANT_DEALS = 10_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(12_500).seed(11).noRateLimits()
                .sharedModificationInstantDeals(SHARED_INSTANT_DEALS).maxSearchBodyChars(600).build());
        harness = new ExtractorHarness("incremental").hubspot(hubspot, REF)
                .set("etl.hubspot.max-search-body-chars", 600);
        harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldPassTheTenThousandResultCapEvenWhenMoreThanTenThousandDealsShareOneInstant() throws Exception {
        Instant since = DatasetGenerator.SHARED_MODIFICATION_INSTANT.minus(Duration.ofDays(60));
        List<String> expected = modifiedSince(since);
        long sharingTheInstant = hubspot.dataset().activeDeals().stream()
                .filter(d -> d.updatedAt().equals(DatasetGenerator.SHARED_MODIFICATION_INSTANT)).count();
        assertThat(expected).hasSizeGreaterThan(10_000);
        assertThat(sharingTheInstant).isGreaterThan(10_000);

        String scanId = "incremental-capped";
        harness.send(Requests.incremental(scanId, ExtractorHarness.ORG, REF, since).setBatchSize(100)
                .setProperties(List.of("dealname", "hs_lastmodifieddate")).build());
        ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(120));

        List<String> seen = dealIds(harness.pages(scanId));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(completed.getExtractedTotal()).isEqualTo((long) expected.size());
        assertThat(harness.pages(scanId)).allSatisfy(page -> assertThat(page.getSource()).isEqualTo("search"));
        assertThat(hubspot.stats().answers(400)).as("no search reached past HubSpot's cap").isZero();
    }

    @Test
    void shouldMergeEveryPropertyFromSeveralSearchBodies() throws Exception {
        Instant since = DatasetGenerator.HORIZON.minus(Duration.ofDays(20));
        List<String> expected = modifiedSince(since);
        assertThat(expected).isNotEmpty();
        List<String> allProperties = hubspot.dataset().properties().stream().map(PropertyDefinition::name).toList();

        String scanId = "incremental-every-property";
        long searchesBefore = hubspot.stats().requests("search");
        harness.send(Requests.incremental(scanId, ExtractorHarness.ORG, REF, since).setBatchSize(100).build());
        harness.awaitCompleted(scanId, Duration.ofSeconds(60));

        List<RawDealPage> pages = harness.pages(scanId);
        assertThat(hubspot.stats().requests("search") - searchesBefore).as("every page took several search bodies")
                .isGreaterThanOrEqualTo(2L * pages.size());
        assertThat(dealIds(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        for (RawDealPage page : pages) {
            for (JsonNode deal : JSON.readTree(page.getBody()).path("results")) {
                Set<String> names = new HashSet<>();
                deal.path("properties").fieldNames().forEachRemaining(names::add);
                assertThat(names).containsExactlyInAnyOrderElementsOf(allProperties);
                SimulatedDeal truth = hubspot.dataset().find(deal.path("id").asText()).orElseThrow();
                assertThat(deal.path("properties").path("amount").asText(null)).isEqualTo(truth.property("amount"));
            }
        }
    }

    private static List<String> modifiedSince(Instant since) {
        return hubspot.dataset().activeDeals().stream()
                .filter(d -> HubSpotTime.parseMillis(d.property("hs_lastmodifieddate")).orElse(0)
                        >= since.toEpochMilli())
                .map(SimulatedDeal::id)
                .toList();
    }

    private static List<String> dealIds(List<RawDealPage> pages) throws Exception {
        List<String> ids = new ArrayList<>();
        for (RawDealPage page : pages) {
            JSON.readTree(page.getBody()).path("results").forEach(deal -> ids.add(deal.path("id").asText()));
        }
        return ids;
    }
}
