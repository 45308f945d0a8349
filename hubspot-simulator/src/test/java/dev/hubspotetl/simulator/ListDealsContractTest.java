package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /crm/v3/objects/deals} against HubSpot's contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListDealsContractTest {

    private static final String DEALS = "/crm/v3/objects/deals";

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_500).archivedShare(0.1).noRateLimits().build());
        http = new HubSpotHttp(hubspot);
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldAnswerTenDealsWithHubSpotsDefaultPropertiesWhenNothingIsAsked() {
        HttpResponse<String> response = http.get(DEALS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(10);
        for (JsonNode deal : results) {
            assertThat(fieldNames(deal.get("properties"))).containsExactly("amount", "closedate", "createdate",
                    "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline");
            assertThat(deal.get("archived").asBoolean()).isFalse();
            assertThat(deal.has("archivedAt")).isFalse();
            assertThat(deal.has("associations")).isFalse();
        }
    }

    @Test
    void shouldServeEachDealAsTheDatasetHoldsIt() {
        JsonNode deal = json(http.get(DEALS + "?limit=1&properties=dealname,amount,description,num_associated_contacts"))
                .get("results").get(0);
        SimulatedDeal expected = hubspot.dataset().activeDeals().get(0);

        assertThat(deal.get("id").asText()).isEqualTo(expected.id());
        assertThat(deal.get("createdAt").asText()).isEqualTo(HubSpotTime.format(expected.createdAt()));
        assertThat(deal.get("updatedAt").asText()).isEqualTo(HubSpotTime.format(expected.updatedAt()));
        assertThat(deal.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode properties = deal.get("properties");
        for (String name : List.of("dealname", "amount", "description", "num_associated_contacts", "hs_object_id")) {
            assertThat(properties.get(name).isNull() ? null : properties.get(name).asText())
                    .as(name).isEqualTo(expected.property(name));
        }
    }

    @Test
    void shouldReturnNamedPropertiesPlusTheThreeHubSpotAlwaysAddsAndDropUnknownNames() {
        JsonNode commaSeparated = json(http.get(DEALS + "?limit=3&properties=dealname,no_such_property,hubspot_owner_id"));
        JsonNode repeated = json(http.get(DEALS + "?limit=3&properties=dealname&properties=hubspot_owner_id"));

        for (JsonNode page : List.of(commaSeparated, repeated)) {
            for (JsonNode deal : page.get("results")) {
                assertThat(fieldNames(deal.get("properties"))).containsExactly("createdate", "dealname",
                        "hs_lastmodifieddate", "hs_object_id", "hubspot_owner_id");
            }
        }
    }

    @Test
    void shouldSendEveryPropertyValueAsAStringOrNull() {
        String all = String.join(",", hubspot.dataset().properties().stream().map(PropertyDefinition::name).toList());
        JsonNode results = json(http.get(DEALS + "?limit=100&properties=" + all)).get("results");

        assertThat(results).hasSize(100);
        for (JsonNode deal : results) {
            deal.get("properties").fields().forEachRemaining(property ->
                    assertThat(property.getValue().isTextual() || property.getValue().isNull())
                            .as(property.getKey()).isTrue());
        }
    }

    @Test
    void shouldPageThroughEveryActiveDealExactlyOnceAndStopWithoutPagingOnTheLastPage() {
        List<String> seen = new ArrayList<>();
        String path = DEALS + "?limit=100";
        JsonNode page;
        do {
            page = json(http.get(path));
            page.get("results").forEach(deal -> seen.add(deal.get("id").asText()));
            if (page.has("paging")) {
                JsonNode next = page.get("paging").get("next");
                assertThat(next.get("link").asText()).startsWith(hubspot.baseUrl() + DEALS + "?")
                        .contains("after=" + next.get("after").asText());
                path = DEALS + "?limit=100&after=" + next.get("after").asText();
            }
        } while (page.has("paging"));

        assertThat(seen).containsExactlyElementsOf(ids(hubspot.dataset().activeDeals()));
        assertThat(page.get("results").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldFollowThePagingLinkAsGiven() {
        JsonNode first = json(http.get(DEALS + "?limit=5&properties=dealname"));
        String link = first.get("paging").get("next").get("link").asText();
        JsonNode second = json(http.get(link.substring(hubspot.baseUrl().length())));

        assertThat(ids(second.get("results"))).containsExactlyElementsOf(
                ids(hubspot.dataset().activeDeals().subList(5, 10)));
        assertThat(fieldNames(second.get("results").get(0).get("properties"))).contains("dealname");
    }

    @Test
    void shouldCapTheLimitAtOneHundred() {
        assertThat(json(http.get(DEALS + "?limit=500")).get("results")).hasSize(100);
    }

    @Test
    void shouldRejectALimitThatIsNotANumber() {
        HttpResponse<String> response = http.get(DEALS + "?limit=lots");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void shouldReturnOnlyArchivedDealsWithTheirArchiveTimeWhenArchivedIsTrue() {
        List<String> seen = new ArrayList<>();
        String after = "";
        JsonNode page;
        do {
            page = json(http.get(DEALS + "?archived=true&limit=100" + after));
            for (JsonNode deal : page.get("results")) {
                assertThat(deal.get("archived").asBoolean()).isTrue();
                assertThat(deal.get("archivedAt").asText()).isNotBlank();
                seen.add(deal.get("id").asText());
            }
            after = page.has("paging") ? "&after=" + page.get("paging").get("next").get("after").asText() : "";
        } while (page.has("paging"));

        assertThat(seen).isNotEmpty().containsExactlyElementsOf(ids(hubspot.dataset().archivedDeals()));
    }

    @Test
    void shouldIncludeContactAssociationsOnlyForDealsThatHaveContacts() {
        JsonNode results = json(http.get(DEALS + "?limit=100&associations=contacts")).get("results");
        Map<String, SimulatedDeal> byId = byId(hubspot.dataset().activeDeals());
        int withContacts = 0;

        for (JsonNode deal : results) {
            SimulatedDeal expected = byId.get(deal.get("id").asText());
            if (expected.contactIds().isEmpty()) {
                assertThat(deal.has("associations")).isFalse();
                continue;
            }
            withContacts++;
            JsonNode contacts = deal.get("associations").get("contacts").get("results");
            assertThat(ids(contacts)).containsExactlyElementsOf(expected.contactIds());
            contacts.forEach(contact -> assertThat(contact.get("type").asText()).isEqualTo("deal_to_contact"));
            assertThat(expected.property("num_associated_contacts")).isEqualTo(Integer.toString(expected.contactIds().size()));
        }
        assertThat(withContacts).isPositive().isLessThan(results.size());
    }

    @Test
    void shouldAnswerAnEmptyPageWithoutPagingPastTheLastDeal() {
        JsonNode page = json(http.get(DEALS + "?after=99999999999999"));

        assertThat(page.get("results")).isEmpty();
        assertThat(page.has("paging")).isFalse();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(deal -> ids.add(deal.get("id").asText()));
        return ids;
    }

    static List<String> ids(List<SimulatedDeal> deals) {
        return deals.stream().map(SimulatedDeal::id).toList();
    }

    static List<String> ids(List<SimulatedDeal> deals, Predicate<SimulatedDeal> which) {
        return deals.stream().filter(which).map(SimulatedDeal::id).toList();
    }

    static Map<String, SimulatedDeal> byId(List<SimulatedDeal> deals) {
        Map<String, SimulatedDeal> map = new java.util.HashMap<>();
        deals.forEach(deal -> map.put(deal.id(), deal));
        return map;
    }
}
