package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HubSpot's per-token limits over HTTP: headers on every answer, the 429 bodies, runtime changes. */
class RateLimitContractTest {

    private HubSpotSimulator hubspot;

    @AfterEach
    void stop() {
        if (hubspot != null) {
            hubspot.close();
        }
    }

    @Test
    void shouldCountDownTheRollingWindowInHeadersAndAnswer429WithHubSpotsBodyOnceItIsSpent() {
        HubSpotHttp http = start(SimulatorConfig.builder().deals(30).rateLimit(5, Duration.ofMinutes(1)));

        for (int call = 1; call <= 5; call++) {
            HttpResponse<String> response = http.get("/crm/v3/objects/deals");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "X-HubSpot-RateLimit-Max")).isEqualTo("5");
            assertThat(header(response, "X-HubSpot-RateLimit-Remaining")).isEqualTo(Integer.toString(5 - call));
            assertThat(header(response, "X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("60000");
            assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Secondly")).isPresent();
            assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Secondly-Remaining")).isPresent();
        }

        HttpResponse<String> refused = http.get("/crm/v3/objects/deals");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        JsonNode body = json(refused);
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(body.get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(body.get("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(body.get("correlationId").asText()).isNotBlank();
        assertThat(hubspot.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheSecondlyLimitToASearchBurst() {
        HubSpotHttp http = start(SimulatorConfig.builder().deals(30).rateLimit(1_000, Duration.ofSeconds(10))
                .searchRateLimitPerSecond(2));

        HttpResponse<String> first = http.search("{}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-HubSpot-RateLimit-Secondly")).isEqualTo("2");
        assertThat(header(first, "X-HubSpot-RateLimit-Secondly-Remaining")).isEqualTo("1");

        // However slow this machine is, twenty searches in a row meet the limit within some second.
        HttpResponse<String> refused = null;
        for (int call = 0; call < 20 && refused == null; call++) {
            HttpResponse<String> response = http.search("{}");
            refused = response.statusCode() == 429 ? response : null;
        }
        assertThat(refused).isNotNull();
        JsonNode body = json(refused);
        assertThat(body.get("message").asText()).isEqualTo("You have reached your secondly limit.");
        assertThat(body.get("policyName").asText()).isEqualTo("SECONDLY");
        assertThat(body.get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(http.get("/crm/v3/objects/deals").statusCode()).as("list calls are not searches").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.search("{}").statusCode() == 200);
    }

    @Test
    void shouldApplyALimitChangedAtRuntime() {
        HubSpotHttp http = start(SimulatorConfig.builder().deals(30).noRateLimits());

        HttpResponse<String> unlimited = http.get("/crm/v3/objects/deals");
        assertThat(unlimited.headers().firstValue("X-HubSpot-RateLimit-Max")).isEmpty();

        hubspot.setRateLimit(1, Duration.ofMinutes(1));
        assertThat(http.get("/crm/v3/objects/deals").statusCode()).isEqualTo(200);
        assertThat(http.get("/crm/v3/objects/deals").statusCode()).isEqualTo(429);

        hubspot.setRateLimit(0, Duration.ofMinutes(1));
        assertThat(http.get("/crm/v3/objects/deals").statusCode()).isEqualTo(200);
    }

    private HubSpotHttp start(SimulatorConfig.Builder config) {
        hubspot = HubSpotSimulator.start(config.build());
        return new HubSpotHttp(hubspot);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no header " + name));
    }
}
