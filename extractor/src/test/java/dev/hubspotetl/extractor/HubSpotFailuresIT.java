package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HubSpot failing as it does: 5xx answers (JSON and HTML), answers slower than the request timeout,
 * connections dropped mid-body and truncated JSON are retried with backoff and the scan still gets
 * every deal exactly once; when retries run out the scan fails with HubSpot's status and message; a
 * 401 fails the scan at once, naming the credential reference and never the token.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simulator's faults are a function of its call count
class HubSpotFailuresIT {

    private static final String REF = "portal-a";
    private static final String REVOKED_REF = "portal-revoked";
    private static final String REVOKED_TOKEN = "pat-na1-revoked-0000-1111-2222";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;
    private static ConfigurableApplicationContext extractor;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(600).seed(5).noRateLimits()
                .slowAnswerDelay(Duration.ofMillis(1_500)).build());
        harness = new ExtractorHarness("failures").hubspot(hubspot, REF)
                .set("etl.hubspot.credentials." + REVOKED_REF, REVOKED_TOKEN)
                .set("etl.hubspot.request-timeout", "500ms")
                .set("etl.hubspot.retry.max-attempts", 12);
        extractor = harness.start();
    }

    @AfterEach
    void calm() {
        hubspot.setFaultRate(0);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    @Order(1)
    void shouldRetryServerErrorsTimeoutsDroppedConnectionsAndMalformedPagesAndStillExtractEveryDeal()
            throws Exception {
        hubspot.setFaultKinds(EnumSet.allOf(FaultKind.class));
        hubspot.setFaultRate(0.3);
        String scanId = "faulty";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(5).build());

        ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(90));

        List<String> ids = new ArrayList<>();
        for (RawDealPage page : harness.pages(scanId)) {
            JSON.readTree(page.getBody()).path("results").forEach(deal -> ids.add(deal.path("id").asText()));
        }
        List<String> expected = hubspot.dataset().activeDeals().stream().map(SimulatedDeal::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(completed.getExtractedTotal()).isEqualTo((long) expected.size());
        MeterRegistry metrics = extractor.getBean(MeterRegistry.class);
        for (String reason : List.of("timeout", "connection", "malformed", "http-500", "http-502", "http-503",
                "http-504")) {
            assertThat(metrics.find("hubspot.retries").tag("reason", reason).counter())
                    .as("retries after %s", reason).isNotNull()
                    .satisfies(counter -> assertThat(counter.count()).isPositive());
        }
    }

    @Test
    @Order(2)
    void shouldFailTheScanWithHubSpotsStatusAndMessageWhenRetriesRunOut() {
        hubspot.setFaultKinds(Set.of(FaultKind.HTTP_503));
        hubspot.setFaultRate(1.0);
        String scanId = "unavailable";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).build());

        ScanEvent failed = harness.awaitEvent(scanId, ScanEventType.EXTRACTION_FAILED, Duration.ofSeconds(60));

        assertThat(failed.getHttpStatus()).isEqualTo(503);
        assertThat(failed.getErrorMessage())
                .startsWith("HubSpot GET /crm/v3/properties/deals failed after 12 attempts; last: HTTP 503: "
                        + "Service Unavailable. Please retry in a few seconds.");
        assertThat(harness.events(scanId)).extracting(ScanEvent::getType)
                .containsExactly(ScanEventType.EXTRACTION_STARTED, ScanEventType.EXTRACTION_FAILED);
    }

    @Test
    @Order(3)
    void shouldFailAtOnceOnA401NamingTheCredentialReferenceNotTheToken() {
        long unauthorizedBefore = hubspot.stats().unauthorized();
        String scanId = "revoked";
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REVOKED_REF).build());

        ScanEvent failed = harness.awaitEvent(scanId, ScanEventType.EXTRACTION_FAILED, Duration.ofSeconds(30));

        assertThat(failed.getHttpStatus()).isEqualTo(401);
        assertThat(failed.getErrorMessage())
                .startsWith("HubSpot rejected credential '" + REVOKED_REF + "' (HTTP 401)")
                .contains("Authentication credentials not found")
                .doesNotContain(REVOKED_TOKEN);
        assertThat(hubspot.stats().unauthorized() - unauthorizedBefore).as("no retry after a 401").isEqualTo(1);
    }
}
