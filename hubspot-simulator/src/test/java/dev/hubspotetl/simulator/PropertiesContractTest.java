package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /crm/v3/properties/deals}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PropertiesContractTest {

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(20).noRateLimits().build());
        http = new HubSpotHttp(hubspot);
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldDescribeEveryPropertyWithHubSpotsFields() {
        HttpResponse<String> response = http.get("/crm/v3/properties/deals");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        json(response).get("results").forEach(p -> byName.put(p.get("name").asText(), p));
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                hubspot.dataset().properties().stream().map(PropertyDefinition::name).toList());
        for (JsonNode property : byName.values()) {
            for (String field : new String[] {"label", "type", "fieldType", "groupName", "calculated", "hubspotDefined",
                    "hasUniqueValue", "options", "modificationMetadata"}) {
                assertThat(property.has(field)).as(property.get("name") + "." + field).isTrue();
            }
            assertThat(PropertyDefinition.TYPES).contains(property.get("type").asText());
        }
    }

    @Test
    void shouldMarkCustomPropertiesAsNotHubSpotDefinedAndCalculatedOnesAsCalculated() {
        Map<String, JsonNode> byName = new HashMap<>();
        json(http.get("/crm/v3/properties/deals")).get("results").forEach(p -> byName.put(p.get("name").asText(), p));

        assertThat(byName.get("contract_tier").get("hubspotDefined").asBoolean()).isFalse();
        assertThat(byName.get("contract_tier").get("options")).hasSize(3);
        assertThat(byName.get("dealname").get("hubspotDefined").asBoolean()).isTrue();
        assertThat(byName.get("hs_deal_stage_probability").get("calculated").asBoolean()).isTrue();
        assertThat(byName.get("closedate").get("type").asText()).isEqualTo("datetime");
        assertThat(byName.get("renewal_date").get("type").asText()).isEqualTo("date");
        assertThat(byName.get("is_strategic").get("type").asText()).isEqualTo("bool");
        assertThat(byName.get("dealstage").get("type").asText()).isEqualTo("enumeration");
        assertThat(byName.get("hs_object_id").get("hasUniqueValue").asBoolean()).isTrue();
    }

    @Test
    void shouldListNoArchivedProperties() {
        assertThat(json(http.get("/crm/v3/properties/deals?archived=true")).get("results")).isEmpty();
    }
}
