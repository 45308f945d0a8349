package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static dev.hubspotetl.simulator.HubSpotHttp.searchBody;
import static dev.hubspotetl.simulator.ListDealsContractTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /crm/v3/objects/deals/search}: filters, sorts, paging, total and HubSpot's validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchDealsContractTest {

    private static final String MODIFIED = "hs_lastmodifieddate";

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;
    private List<SimulatedDeal> active;
    private long pivotMillis;
    private long pivotId;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(2_000).archivedShare(0.1).noRateLimits().build());
        http = new HubSpotHttp(hubspot);
        active = hubspot.dataset().activeDeals();
        pivotMillis = modified(active.get(active.size() / 3));
        pivotId = active.get(active.size() / 2).numericId();
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldFilterOnModificationTimeInEpochMillisWithEveryComparisonOperator() {
        assertSearch(filter(MODIFIED, "EQ", pivotMillis), d -> modified(d) == pivotMillis);
        assertSearch(filter(MODIFIED, "NEQ", pivotMillis), d -> modified(d) != pivotMillis);
        assertSearch(filter(MODIFIED, "GT", pivotMillis), d -> modified(d) > pivotMillis);
        assertSearch(filter(MODIFIED, "GTE", pivotMillis), d -> modified(d) >= pivotMillis);
        assertSearch(filter(MODIFIED, "LT", pivotMillis), d -> modified(d) < pivotMillis);
        assertSearch(filter(MODIFIED, "LTE", pivotMillis), d -> modified(d) <= pivotMillis);
        long high = pivotMillis + 90L * 24 * 3600 * 1000;
        assertSearch(between(MODIFIED, pivotMillis, high), d -> modified(d) >= pivotMillis && modified(d) <= high);
    }

    @Test
    void shouldFilterOnTheObjectIdWithEveryComparisonOperator() {
        assertSearch(filter("hs_object_id", "EQ", pivotId), d -> d.numericId() == pivotId);
        assertSearch(filter("hs_object_id", "NEQ", pivotId), d -> d.numericId() != pivotId);
        assertSearch(filter("hs_object_id", "GT", pivotId), d -> d.numericId() > pivotId);
        assertSearch(filter("hs_object_id", "GTE", pivotId), d -> d.numericId() >= pivotId);
        assertSearch(filter("hs_object_id", "LT", pivotId), d -> d.numericId() < pivotId);
        assertSearch(filter("hs_object_id", "LTE", pivotId), d -> d.numericId() <= pivotId);
        assertSearch(between("hs_object_id", pivotId, pivotId + 5_000), d -> d.numericId() >= pivotId
                && d.numericId() <= pivotId + 5_000);
    }

    @Test
    void shouldAcceptIsoDatesAndCombineFiltersWithAndInsideAGroupAndOrAcrossGroups() {
        Map<String, Object> body = Map.of(
                "filterGroups", List.of(
                        Map.of("filters", List.of(
                                Map.of("propertyName", MODIFIED, "operator", "GTE", "value", "2024-01-01T00:00:00Z"),
                                Map.of("propertyName", "pipeline", "operator", "EQ", "value", "default"))),
                        Map.of("filters", List.of(
                                Map.of("propertyName", "dealstage", "operator", "IN", "values", List.of("38102003", "51400103"))))),
                "limit", 200);
        long since = HubSpotTime.parseMillis("2024-01-01T00:00:00Z").getAsLong();

        assertSearch(body, d -> modified(d) >= since && "default".equals(d.property("pipeline"))
                || List.of("38102003", "51400103").contains(d.property("dealstage")));
    }

    @Test
    void shouldSortDescendingOnRequestAndByIdAscendingByDefault() {
        Map<String, Object> descending = Map.of("sorts", List.of(Map.of("propertyName", MODIFIED, "direction", "DESCENDING")),
                "limit", 200);
        List<String> expected = active.stream()
                .sorted(Comparator.comparingLong(SearchDealsContractTest::modified).reversed()
                        .thenComparingLong(SimulatedDeal::numericId))
                .map(SimulatedDeal::id).limit(200).toList();

        assertThat(ListDealsContractTest.ids(json(http.search(searchBody(descending))).get("results")))
                .containsExactlyElementsOf(expected);
        assertThat(ListDealsContractTest.ids(json(http.search("{\"limit\":50}")).get("results")))
                .containsExactlyElementsOf(ListDealsContractTest.ids(active.subList(0, 50)));
    }

    @Test
    void shouldNeverReturnArchivedDealsAndReportTheTotal() {
        JsonNode page = json(http.search(searchBody(filter(MODIFIED, "GTE", 0))));

        assertThat(page.get("total").asLong()).isEqualTo(active.size());
        assertThat(hubspot.dataset().archivedDeals()).isNotEmpty();
        assertThat(searchAll(filter(MODIFIED, "GTE", 0))).doesNotContainAnyElementsOf(
                ListDealsContractTest.ids(hubspot.dataset().archivedDeals()));
    }

    @Test
    void shouldReturnTheDefaultPropertiesOrTheNamedOnes() {
        JsonNode byDefault = json(http.search("{}")).get("results").get(0);
        JsonNode named = json(http.search("{\"properties\":[\"amount\",\"description\"]}")).get("results").get(0);

        assertThat(fieldNames(byDefault.get("properties"))).containsExactly("amount", "closedate", "createdate",
                "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline");
        assertThat(fieldNames(named.get("properties"))).containsExactly("amount", "createdate", "description",
                "hs_lastmodifieddate", "hs_object_id");
        assertThat(json(http.search("{}")).get("results")).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"limit\":201}",
            "{\"limit\":0}",
            "{\"after\":\"9950\",\"limit\":100}",
            "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"no_such_property\",\"operator\":\"EQ\",\"value\":\"1\"}]}]}",
            "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"amount\",\"operator\":\"ROUGHLY\",\"value\":\"1\"}]}]}",
            "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"amount\",\"operator\":\"BETWEEN\",\"value\":\"1\"}]}]}",
            "{\"sorts\":[{\"propertyName\":\"no_such_property\",\"direction\":\"ASCENDING\"}]}",
            "{not json"})
    void shouldAnswer400ValidationErrorToAnInvalidSearch(String body) {
        HttpResponse<String> response = http.search(body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void shouldEnforceHubSpotsFilterCountsAndBodySize() {
        Map<String, Object> oneFilter = Map.of("filters", List.of(Map.of("propertyName", "amount", "operator", "HAS_PROPERTY")));
        Map<String, Object> sevenFilters = Map.of("filters", java.util.Collections.nCopies(7,
                Map.of("propertyName", "amount", "operator", "HAS_PROPERTY")));

        assertThat(http.search(searchBody(Map.of("filterGroups", java.util.Collections.nCopies(5, oneFilter)))).statusCode())
                .isEqualTo(200);
        assertThat(http.search(searchBody(Map.of("filterGroups", java.util.Collections.nCopies(6, oneFilter)))).statusCode())
                .isEqualTo(400);
        assertThat(http.search(searchBody(Map.of("filterGroups", List.of(sevenFilters)))).statusCode()).isEqualTo(400);
        assertThat(http.search(searchBody(Map.of("properties", java.util.Collections.nCopies(300, "dealname"))))
                .statusCode()).isEqualTo(400);
    }

    private void assertSearch(Map<String, Object> body, Predicate<SimulatedDeal> expected) {
        List<String> wanted = active.stream().filter(expected).map(SimulatedDeal::id).toList();
        assertThat(json(http.search(searchBody(body))).get("total").asLong()).as(body.toString()).isEqualTo(wanted.size());
        assertThat(searchAll(body)).as(body.toString()).containsExactlyElementsOf(wanted);
    }

    /** Every id the search returns, page by page, as a scan would collect them. */
    private List<String> searchAll(Map<String, Object> body) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = new java.util.HashMap<>(body);
            page.put("limit", 200);
            if (after != null) {
                page.put("after", after);
            }
            HttpResponse<String> response = http.search(searchBody(page));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode json = json(response);
            json.get("results").forEach(deal -> ids.add(deal.get("id").asText()));
            after = json.has("paging") ? json.get("paging").get("next").get("after").asText() : null;
        } while (after != null);
        return ids;
    }

    private static Map<String, Object> filter(String property, String operator, long value) {
        return Map.of("filterGroups", List.of(Map.of("filters", List.of(
                Map.of("propertyName", property, "operator", operator, "value", Long.toString(value))))));
    }

    private static Map<String, Object> between(String property, long low, long high) {
        return Map.of("filterGroups", List.of(Map.of("filters", List.of(
                Map.of("propertyName", property, "operator", "BETWEEN", "value", Long.toString(low),
                        "highValue", Long.toString(high))))));
    }

    static long modified(SimulatedDeal deal) {
        return HubSpotTime.parseMillis(deal.property(MODIFIED)).orElseThrow();
    }
}
