package dev.hubspotetl.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link HubSpotSimulator#stats()} counts, and that the served dataset is the generated one. */
class SimulatorStatsTest {

    @Test
    void shouldCountRequestsPerEndpointDealsServedAndAnswersPerStatus() {
        SimulatorConfig config = SimulatorConfig.builder().deals(120).archivedShare(0).noRateLimits().build();
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(config)) {
            HubSpotHttp http = new HubSpotHttp(hubspot);
            String firstId = hubspot.dataset().activeDeals().get(0).id();

            http.get("/crm/v3/objects/deals?limit=100");
            http.get("/crm/v3/objects/deals/" + firstId);
            http.search("{\"limit\":7}");
            http.get("/crm/v3/properties/deals");
            http.getAuthorizedAs("/crm/v3/objects/deals", "Bearer nope");
            http.get("/crm/v3/objects/companies");

            SimulatorStats stats = hubspot.stats();
            assertThat(stats.requests()).isEqualTo(6);
            assertThat(stats.requests("list")).isEqualTo(2);
            assertThat(stats.requests("get")).isEqualTo(1);
            assertThat(stats.requests("search")).isEqualTo(1);
            assertThat(stats.requests("properties")).isEqualTo(1);
            assertThat(stats.requests("other")).isEqualTo(1);
            assertThat(stats.dealsServed()).isEqualTo(100 + 1 + 7);
            assertThat(stats.answers(200)).isEqualTo(4);
            assertThat(stats.answers(401)).isEqualTo(1);
            assertThat(stats.unauthorized()).isEqualTo(1);
            assertThat(stats.answers(404)).isEqualTo(1);
            assertThat(stats.faults()).isZero();
            assertThat(hubspot.dataset().deals()).isEqualTo(Dataset.generate(config).deals());
        }
    }
}
