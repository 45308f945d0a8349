package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer token authentication and HubSpot's 401 body. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthContractTest {

    private HubSpotSimulator hubspot;
    private HubSpotHttp http;

    @BeforeAll
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(10).token("secret-token").build());
        http = new HubSpotHttp(hubspot);
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Bearer wrong-token", "secret-token", "Basic c2VjcmV0LXRva2Vu", "Bearer secret-token-2"})
    void shouldAnswer401WithHubSpotsErrorBodyForMissingOrWrongCredentials(String authorization) {
        for (String path : new String[] {"/crm/v3/objects/deals", "/crm/v3/objects/deals/1", "/crm/v3/properties/deals"}) {
            HttpResponse<String> response = http.getAuthorizedAs(path, authorization);

            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode body = json(response);
            assertThat(body.get("status").asText()).isEqualTo("error");
            assertThat(body.get("message").asText()).startsWith("Authentication credentials not found");
            assertThat(body.get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
            assertThat(body.get("correlationId").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                    .isEqualTo(response.headers().firstValue("X-HubSpot-Correlation-Id").orElseThrow());
        }
    }

    @Test
    void shouldServeTheRightToken() {
        assertThat(http.getAuthorizedAs("/crm/v3/objects/deals", "Bearer secret-token").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotSpendRateLimitOnRejectedCredentials() {
        long before = hubspot.stats().unauthorized();
        HttpResponse<String> response = http.getAuthorizedAs("/crm/v3/objects/deals", "Bearer wrong-token");

        assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Remaining")).isEmpty();
        assertThat(hubspot.stats().unauthorized()).isEqualTo(before + 1);
    }
}
