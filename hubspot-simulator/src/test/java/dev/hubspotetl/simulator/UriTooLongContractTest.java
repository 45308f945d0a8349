package dev.hubspotetl.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A request line longer than HubSpot accepts is refused at the edge with 414, before authentication. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UriTooLongContractTest {

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
    void shouldAnswer414WhenTooManyPropertiesAreNamedInTheUrl() {
        String query = "/crm/v3/objects/deals?properties=" + properties(SimulatorConfig.HUBSPOT_MAX_URL_LENGTH);

        HttpResponse<String> response = http.get(query);

        assertThat(query.length()).isGreaterThan(SimulatorConfig.HUBSPOT_MAX_URL_LENGTH);
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).contains("414 Request-URI Too Large");
        assertThat(http.getAuthorizedAs(query, null).statusCode()).as("checked before credentials").isEqualTo(414);
    }

    @Test
    void shouldServeALongUrlThatStaysWithinTheLimit() {
        String query = "/crm/v3/objects/deals?properties=" + properties(SimulatorConfig.HUBSPOT_MAX_URL_LENGTH - 200);

        assertThat(query.length()).isLessThanOrEqualTo(SimulatorConfig.HUBSPOT_MAX_URL_LENGTH);
        assertThat(http.get(query).statusCode()).isEqualTo(200);
    }

    private static String properties(int length) {
        StringBuilder names = new StringBuilder("dealname");
        for (int i = 0; names.length() < length; i++) {
            names.append(",custom_property_").append(i);
        }
        return names.toString();
    }
}
