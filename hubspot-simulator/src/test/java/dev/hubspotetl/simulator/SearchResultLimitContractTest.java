package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static dev.hubspotetl.simulator.HubSpotHttp.searchBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot's 10,000-result ceiling, met the way it bites a pipeline: a month-end bulk update
 * leaves more than 10,000 deals with one {@code hs_lastmodifieddate}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchResultLimitContractTest {

    private static final int SHARED = 10_050;
    private static final long INSTANT = DatasetGenerator.SHARED_MODIFICATION_INSTANT.toEpochMilli();

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(10_200).sharedModificationInstantDeals(SHARED)
                .noRateLimits().build());
        http = new HubSpotHttp(hubspot);
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldHoldMoreThanTenThousandActiveDealsModifiedAtOneInstant() {
        long shared = hubspot.dataset().activeDeals().stream()
                .filter(deal -> SearchDealsContractTest.modified(deal) == INSTANT)
                .count();

        assertThat(shared).isEqualTo(SHARED);
        assertThat(json(http.search(searchBody(sameInstant(0, 10)))).get("total").asLong()).isEqualTo(SHARED);
    }

    @Test
    void shouldServeUpToTheTenThousandthResultThenAnswer400() {
        JsonNode lastAllowed = json(http.search(searchBody(sameInstant(9_800, 200))));

        assertThat(lastAllowed.get("results")).hasSize(200);
        assertThat(lastAllowed.get("paging").get("next").get("after").asText()).isEqualTo("10000");

        HttpResponse<String> beyond = http.search(searchBody(sameInstant(10_000, 200)));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(json(beyond).get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(json(beyond).get("message").asText()).contains("10000");
    }

    @Test
    void shouldLetAScanContinuePastTheCeilingByFilteringOnTheLastIdSeen() {
        String lastId = json(http.search(searchBody(sameInstant(9_800, 200)))).get("results").get(199).get("id").asText();
        Map<String, Object> rest = Map.of("filterGroups", List.of(Map.of("filters", List.of(
                        Map.of("propertyName", "hs_lastmodifieddate", "operator", "EQ", "value", Long.toString(INSTANT)),
                        Map.of("propertyName", "hs_object_id", "operator", "GT", "value", lastId)))),
                "sorts", List.of(Map.of("propertyName", "hs_object_id", "direction", "ASCENDING")),
                "limit", 200);

        JsonNode remainder = json(http.search(searchBody(rest)));

        assertThat(remainder.get("total").asLong()).isEqualTo(SHARED - 10_000);
        assertThat(remainder.get("results")).hasSize(SHARED - 10_000);
    }

    private static Map<String, Object> sameInstant(int after, int limit) {
        return Map.of("filterGroups", List.of(Map.of("filters", List.of(
                        Map.of("propertyName", "hs_lastmodifieddate", "operator", "EQ", "value", Long.toString(INSTANT))))),
                "sorts", List.of(Map.of("propertyName", "hs_lastmodifieddate", "direction", "ASCENDING")),
                "after", Integer.toString(after),
                "limit", limit);
    }
}
