package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full scans against the simulator over HTTP: every deal, every property (split over several
 * requests because the simulator's edge answers 414 above 300 characters, then merged by id),
 * archived deals and contact associations, with exact events; and bodies kept verbatim.
 */
@IntegrationTest
class FullScanIT {

    private static final String REF = "portal-a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_200).seed(7).noRateLimits()
                .archivedShare(0.1).maxUrlLength(300).build());
        harness = new ExtractorHarness("full").hubspot(hubspot, REF);
        extractor = harness.start(WebApplicationType.SERVLET);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldExtractEveryDealWithEveryPropertyArchivedDealsAndContacts() throws Exception {
        String scanId = "full-everything";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(100)
                .setIncludeArchived(true).setIncludeAssociations(true).build());

        ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(60));

        List<RawDealPage> pages = sorted(harness.pages(scanId));
        assertThat(pages).extracting(RawDealPage::getPageNumber)
                .containsExactlyElementsOf(IntStream.range(0, pages.size()).boxed().toList());
        List<String> allProperties = hubspot.dataset().properties().stream().map(PropertyDefinition::name).toList();
        Map<String, SimulatedDeal> expected = new HashMap<>();
        hubspot.dataset().deals().forEach(deal -> expected.put(deal.id(), deal));
        List<String> seen = new ArrayList<>();
        for (RawDealPage page : pages) {
            JsonNode results = JSON.readTree(page.getBody()).path("results");
            assertThat(page.getResultCount()).isEqualTo(results.size());
            assertThat(page.getSource()).isEqualTo("list");
            for (JsonNode deal : results) {
                String id = deal.path("id").asText();
                seen.add(id);
                SimulatedDeal truth = expected.get(id);
                assertThat(truth).as("deal %s exists in the portal", id).isNotNull();
                Set<String> names = new HashSet<>();
                deal.path("properties").fieldNames().forEachRemaining(names::add);
                assertThat(names).as("properties of deal %s", id).containsExactlyInAnyOrderElementsOf(allProperties);
                assertThat(deal.path("properties").path("dealname").asText(null)).isEqualTo(truth.property("dealname"));
                assertThat(deal.path("archived").asBoolean()).isEqualTo(truth.archived());
                List<String> contacts = new ArrayList<>();
                deal.path("associations").path("contacts").path("results")
                        .forEach(contact -> contacts.add(contact.path("id").asText()));
                assertThat(contacts).as("contacts of deal %s", id).containsExactlyElementsOf(truth.contactIds());
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(hubspot.dataset().archivedDeals()).isNotEmpty();
        assertThat(hubspot.stats().answers(414)).as("the property list was split after a 414").isPositive();

        List<ScanEvent> events = harness.events(scanId);
        assertThat(events).filteredOn(e -> e.getType() == ScanEventType.EXTRACTION_STARTED).hasSize(1);
        List<ScanEvent> pageEvents = events.stream().filter(e -> e.getType() == ScanEventType.PAGE_EXTRACTED)
                .sorted(Comparator.comparing(ScanEvent::getPageNumber)).toList();
        assertThat(pageEvents).hasSize(pages.size());
        long running = 0;
        for (int i = 0; i < pages.size(); i++) {
            running += pages.get(i).getResultCount();
            assertThat(pageEvents.get(i).getDealCount()).isEqualTo((long) pages.get(i).getResultCount());
            assertThat(pageEvents.get(i).getExtractedTotal()).isEqualTo(running);
            assertThat(pageEvents.get(i).getEventId()).isEqualTo("extractor:" + scanId + ":page:" + i);
        }
        assertThat(completed.getExtractedTotal()).isEqualTo((long) expected.size());
        assertThat(completed.getDealCount()).isEqualTo((long) expected.size());
        assertThat(harness.pages().records()).filteredOn(r -> r.value().getScanId().equals(scanId))
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(scanId));
    }

    @Test
    void shouldPublishTheHubSpotBodyVerbatim() throws Exception {
        String scanId = "full-verbatim";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(40)
                .setProperties(List.of("dealname", "amount")).build());

        harness.awaitCompleted(scanId, Duration.ofSeconds(60));

        RawDealPage first = sorted(harness.pages(scanId)).get(0);
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        hubspot.baseUrl() + "/crm/v3/objects/deals?limit=40&archived=false&properties=dealname,amount"))
                        .header("Authorization", "Bearer " + hubspot.config().token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.getBody()).isEqualTo(direct.body());
        assertThat(first.getRequestCursor()).isNull();
        assertThat(first.getNextCursor()).isEqualTo(JSON.readTree(direct.body()).path("paging").path("next")
                .path("after").asText());
        assertThat(harness.pages(scanId)).hasSize((hubspot.dataset().activeDeals().size() + 39) / 40);
    }

    @Test
    void shouldExtractEveryDealThatStaysActiveWhileThePortalChangesUnderTheScan() throws Exception {
        Set<String> activeBefore = ids(hubspot.dataset().activeDeals());
        hubspot.setMutateBetweenPages(true);
        String scanId = "full-moving";
        try {
            harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(50).build());
            harness.awaitCompleted(scanId, Duration.ofSeconds(60));
        } finally {
            hubspot.setMutateBetweenPages(false);
        }
        Set<String> activeAfter = ids(hubspot.dataset().activeDeals());

        List<String> seen = new ArrayList<>();
        for (RawDealPage page : harness.pages(scanId)) {
            JSON.readTree(page.getBody()).path("results").forEach(deal -> seen.add(deal.path("id").asText()));
        }
        Set<String> stayedActive = new HashSet<>(activeBefore);
        stayedActive.retainAll(activeAfter);
        assertThat(activeAfter).as("the portal changed during the scan").isNotEqualTo(activeBefore);
        assertThat(seen).doesNotHaveDuplicates().containsAll(stayedActive);
        assertThat(ids(hubspot.dataset().deals())).containsAll(seen);
    }

    private static Set<String> ids(List<SimulatedDeal> deals) {
        Set<String> ids = new HashSet<>();
        deals.forEach(deal -> ids.add(deal.id()));
        return ids;
    }

    @Test
    void shouldExposeHealthAndPrometheusMetrics() throws Exception {
        harness.send(Requests.full("full-metrics", ExtractorHarness.ORG, REF).setProperties(List.of("dealname")).build());
        harness.awaitCompleted("full-metrics", Duration.ofSeconds(60));
        String actuator = "http://localhost:" + extractor.getEnvironment().getProperty("local.server.port") + "/actuator/";
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(actuator + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(URI.create(actuator + "prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        assertThat(JSON.readTree(health.body()).path("components").path("extractor").path("details")
                .path("scanRequestConsumer").asText()).isEqualTo("running");
        assertThat(prometheus.body())
                .contains("hubspot_requests_total{endpoint=\"list\",outcome=\"200\"")
                .contains("hubspot_request_duration_seconds")
                .contains("hubspot_governor_wait_seconds")
                .contains("extractor_pages_total")
                .contains("extractor_deals_total")
                .contains("extractor_scans_total{outcome=\"completed\"")
                .contains("extractor_scans_running")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }

    private static List<RawDealPage> sorted(List<RawDealPage> pages) {
        return pages.stream().sorted(Comparator.comparing(RawDealPage::getPageNumber)).toList();
    }
}
