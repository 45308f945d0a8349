package dev.hubspotetl.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults: each kind as a client meets it, reproducible by seed, switchable mid-run. */
class FaultContractTest {

    private static final String PAGE = "/crm/v3/objects/deals?limit=100&properties=dealname,description";

    private final List<HubSpotSimulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(HubSpotSimulator::close);
    }

    @Test
    void shouldAnswer500And503WithHubSpotsJsonErrorBody() {
        for (FaultKind kind : List.of(FaultKind.HTTP_500, FaultKind.HTTP_503)) {
            HttpResponse<String> response = http(always(kind)).get(PAGE);

            assertThat(response.statusCode()).isEqualTo(kind == FaultKind.HTTP_500 ? 500 : 503);
            assertThat(json(response).get("status").asText()).isEqualTo("error");
            assertThat(json(response).get("correlationId").asText()).isNotBlank();
        }
    }

    @Test
    void shouldAnswer502And504WithTheEdgeProxysHtmlPage() {
        for (FaultKind kind : List.of(FaultKind.HTTP_502, FaultKind.HTTP_504)) {
            HttpResponse<String> response = http(always(kind)).get(PAGE);

            assertThat(response.statusCode()).isEqualTo(kind == FaultKind.HTTP_502 ? 502 : 504);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
            assertThat(response.body()).startsWith("<html>");
        }
    }

    @Test
    void shouldAnswerCorrectlyButLateWhenSlow() {
        HubSpotHttp http = http(always(FaultKind.SLOW).slowAnswerDelay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        HttpResponse<String> response = http.get(PAGE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("results")).hasSize(100);
    }

    @Test
    void shouldCloseTheConnectionMidBody() {
        HubSpotHttp http = http(always(FaultKind.DISCONNECT));

        assertThatThrownBy(() -> http.sendRaw(PAGE)).isInstanceOf(IOException.class);
        assertThat(started.get(0).stats().faultsByKind()).containsEntry(FaultKind.DISCONNECT, 1L);
    }

    @Test
    void shouldAnswer200WithABodyThatIsNotValidJsonWhenMalformed() {
        HttpResponse<String> response = http(always(FaultKind.MALFORMED_JSON)).get(PAGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"results\":[");
        assertThatThrownBy(() -> HubSpotHttp.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void shouldFailTheSameCallsInTheSameWayForTheSameSeed() {
        SimulatorConfig.Builder config = SimulatorConfig.builder().deals(50).noRateLimits().faultRate(0.3)
                .faultKinds(EnumSet.of(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503, FaultKind.HTTP_504));

        List<Integer> first = statuses(http(config.seed(7)), 200);
        List<Integer> second = statuses(http(config.seed(7)), 200);
        List<Integer> otherSeed = statuses(http(config.seed(8)), 200);

        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
        long failed = first.stream().filter(status -> status != 200).count();
        assertThat(failed).isBetween(30L, 90L);
        assertThat(first).contains(500, 502, 503, 504);
    }

    @Test
    void shouldStartAndStopAFaultStormAtRuntime() {
        HubSpotHttp http = http(SimulatorConfig.builder().deals(50).noRateLimits());
        HubSpotSimulator hubspot = started.get(0);

        assertThat(statuses(http, 20)).containsOnly(200);
        hubspot.setFaultKinds(EnumSet.of(FaultKind.HTTP_503));
        hubspot.setFaultRate(1.0);
        assertThat(statuses(http, 20)).containsOnly(503);
        hubspot.setFaultRate(0.0);
        assertThat(statuses(http, 20)).containsOnly(200);
        assertThat(hubspot.stats().faults()).isEqualTo(20);
        assertThat(hubspot.stats().answers(503)).isEqualTo(20);
    }

    @Test
    void shouldSpendRateLimitOnAFailedCall() {
        HubSpotHttp http = http(always(FaultKind.HTTP_500).rateLimit(2, Duration.ofMinutes(1)));

        assertThat(statuses(http, 3)).containsExactly(500, 500, 429);
    }

    private static SimulatorConfig.Builder always(FaultKind kind) {
        return SimulatorConfig.builder().deals(200).noRateLimits().faultRate(1.0).faultKinds(kind);
    }

    private HubSpotHttp http(SimulatorConfig.Builder config) {
        HubSpotSimulator hubspot = HubSpotSimulator.start(config.build());
        started.add(hubspot);
        return new HubSpotHttp(hubspot);
    }

    private static List<Integer> statuses(HubSpotHttp http, int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(http.get("/crm/v3/objects/deals?limit=1").statusCode());
        }
        return statuses;
    }
}
