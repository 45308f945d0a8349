package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {

    @Test
    void shouldAskTheListEndpointForOnePageWithTheGivenProperties() {
        ListQuery query = new ListQuery(100, true, List.of("dealname", "amount"), true, "10000000042");

        assertThat(query.pathAndQuery()).isEqualTo("/crm/v3/objects/deals?limit=100&archived=true"
                + "&associations=contacts&after=10000000042&properties=dealname,amount");
        assertThat(query.fixedLength() + ListQuery.cost("dealname") + ListQuery.cost("amount"))
                .isEqualTo(query.pathAndQuery().length() + 1);
        assertThat(new ListQuery(10, false, List.of(), false, null).pathAndQuery())
                .isEqualTo("/crm/v3/objects/deals?limit=10&archived=false");
    }

    @Test
    void shouldSearchByModificationDateInIdOrderAboveTheFloor() throws Exception {
        JsonNode body = HubSpotJson.MAPPER.readTree(
                new SearchQuery(1_700_000_000_000L, "10000000777", List.of("dealname"), 100).body());

        JsonNode filters = body.path("filterGroups").get(0).path("filters");
        assertThat(filters.get(0).path("propertyName").asText()).isEqualTo("hs_lastmodifieddate");
        assertThat(filters.get(0).path("operator").asText()).isEqualTo("GTE");
        assertThat(filters.get(0).path("value").asText()).isEqualTo("1700000000000");
        assertThat(filters.get(1).path("propertyName").asText()).isEqualTo("hs_object_id");
        assertThat(filters.get(1).path("operator").asText()).isEqualTo("GT");
        assertThat(filters.get(1).path("value").asText()).isEqualTo("10000000777");
        assertThat(body.path("sorts").get(0).path("propertyName").asText()).isEqualTo("hs_object_id");
        assertThat(body.path("sorts").get(0).path("direction").asText()).isEqualTo("ASCENDING");
        assertThat(body.path("limit").asInt()).isEqualTo(100);
        assertThat(body.has("after")).as("pages by id floor, never by offset").isFalse();
    }

    @Test
    void shouldLeaveTheFloorOutOfTheFirstSearch() throws Exception {
        JsonNode body = HubSpotJson.MAPPER.readTree(new SearchQuery(0, null, List.of(), 10).body());

        assertThat(body.path("filterGroups").get(0).path("filters")).hasSize(1);
    }
}
