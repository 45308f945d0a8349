package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static dev.hubspotetl.simulator.ListDealsContractTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /crm/v3/objects/deals/{dealId}}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetDealContractTest {

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(300).archivedShare(0.2).noRateLimits().build());
        http = new HubSpotHttp(hubspot);
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldAnswerOneDealWithTheNamedPropertiesAndAssociations() {
        SimulatedDeal expected = hubspot.dataset().activeDeals().stream()
                .filter(deal -> !deal.contactIds().isEmpty()).findFirst().orElseThrow();

        HttpResponse<String> response = http.get("/crm/v3/objects/deals/" + expected.id()
                + "?properties=dealname,pipeline,contract_tier&associations=contacts");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode deal = json(response);
        assertThat(deal.get("id").asText()).isEqualTo(expected.id());
        assertThat(fieldNames(deal.get("properties"))).containsExactly("contract_tier", "createdate", "dealname",
                "hs_lastmodifieddate", "hs_object_id", "pipeline");
        assertThat(text(deal.get("properties").get("contract_tier"))).isEqualTo(expected.property("contract_tier"));
        assertThat(ListDealsContractTest.ids(deal.get("associations").get("contacts").get("results")))
                .containsExactlyElementsOf(expected.contactIds());
    }

    @Test
    void shouldAnswer404WithHubSpotsErrorBodyForAnUnknownDeal() {
        HttpResponse<String> response = http.get("/crm/v3/objects/deals/12345");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(body.get("correlationId").asText()).isNotBlank();
    }

    @Test
    void shouldHideAnArchivedDealUnlessArchivedIsAskedFor() {
        SimulatedDeal archived = hubspot.dataset().archivedDeals().get(0);

        assertThat(http.get("/crm/v3/objects/deals/" + archived.id()).statusCode()).isEqualTo(404);
        JsonNode deal = json(http.get("/crm/v3/objects/deals/" + archived.id() + "?archived=true"));
        assertThat(deal.get("archived").asBoolean()).isTrue();
        assertThat(deal.get("archivedAt").asText()).isEqualTo(HubSpotTime.format(archived.archivedAt()));
    }

    private static String text(JsonNode value) {
        return value.isNull() ? null : value.asText();
    }
}
