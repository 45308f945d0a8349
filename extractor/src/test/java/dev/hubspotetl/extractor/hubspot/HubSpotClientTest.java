package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.extractor.config.HubSpotProperties.RateLimit;
import dev.hubspotetl.extractor.config.HubSpotProperties.Retry;
import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.SimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the simulator over real HTTP (no broker needed). */
class HubSpotClientTest {

    private static final String DEALS = "/crm/v3/objects/deals?limit=10&archived=false";
    private HubSpotSimulator hubspot;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(50).noRateLimits().maxUrlLength(400).build());
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldDiscoverEveryDealProperty() {
        List<String> names = client(3, new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO))
                .dealPropertyNames(credential(hubspot.config().token()), StopSignal.NEVER);

        assertThat(names).containsExactlyElementsOf(
                hubspot.dataset().properties().stream().map(PropertyDefinition::name).toList());
    }

    @Test
    void shouldFailAtOnceOnA401NamingTheReference() {
        HubSpotClient client = client(5, new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO));

        assertThatThrownBy(() -> client.get(credential("wrong-token-123"), DEALS, "list", StopSignal.NEVER))
                .isInstanceOfSatisfying(HubSpotFailure.class, failure -> {
                    assertThat(failure.httpStatus()).isEqualTo(401);
                    assertThat(failure.getMessage()).startsWith("HubSpot rejected credential 'portal-a' (HTTP 401) on "
                            + "GET /crm/v3/objects/deals: Authentication credentials not found")
                            .doesNotContain("wrong-token-123");
                });
        assertThat(hubspot.stats().requests()).isEqualTo(1);
    }

    @Test
    void shouldFailWithTheLastStatusAndMessageOnceRetriesRunOut() {
        hubspot.setFaultKinds(java.util.Set.of(FaultKind.HTTP_502));
        hubspot.setFaultRate(1.0);
        HubSpotClient client = client(3, new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO));

        assertThatThrownBy(() -> client.get(credential(hubspot.config().token()), DEALS, "list", StopSignal.NEVER))
                .isInstanceOfSatisfying(HubSpotFailure.class, failure -> {
                    assertThat(failure.httpStatus()).isEqualTo(502);
                    assertThat(failure.getMessage()).isEqualTo("HubSpot GET /crm/v3/objects/deals failed after 3 "
                            + "attempts; last: HTTP 502: 502 Bad Gateway (HTML answer, not from the HubSpot API itself)");
                });
        assertThat(hubspot.stats().requests()).isEqualTo(3);
        assertThat(registry.get("hubspot.retries").tag("reason", "http-502").counter().count()).isEqualTo(2);
    }

    @Test
    void shouldWaitOutA429AndThenSucceed() {
        hubspot.setRateLimit(2, Duration.ofMillis(500));
        HubSpotClient client = client(3, new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO));

        for (int i = 0; i < 5; i++) {
            assertThat(client.get(credential(hubspot.config().token()), DEALS, "list", StopSignal.NEVER).json()
                    .path("results")).hasSize(10);
        }

        assertThat(hubspot.stats().rateLimited()).isPositive();
        assertThat(registry.get("hubspot.rate.limited").counter().count()).isEqualTo(hubspot.stats().rateLimited());
    }

    @Test
    void shouldReportA414WithTheLengthOfTheRefusedTarget() {
        HubSpotClient client = client(3, new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO));
        String tooLong = DEALS + "&properties=" + "dealname,".repeat(60);

        assertThatThrownBy(() -> client.get(credential(hubspot.config().token()), tooLong, "list", StopSignal.NEVER))
                .isInstanceOfSatisfying(UriTooLongException.class,
                        e -> assertThat(e.length()).isEqualTo(tooLong.length()));
    }

    private HubSpotClient client(int attempts, RateLimit limit) {
        return new HubSpotClient(HttpClient.newHttpClient(), URI.create(hubspot.baseUrl()), Duration.ofSeconds(5),
                new Retry(attempts, Duration.ofMillis(10), Duration.ofMillis(50), 20),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), () -> 0.5), new Governors(limit),
                new HubSpotMetrics(registry));
    }

    private static Credential credential(String token) {
        return new Credentials(Map.of("portal-a", token), null).resolve("portal-a").orElseThrow();
    }
}
