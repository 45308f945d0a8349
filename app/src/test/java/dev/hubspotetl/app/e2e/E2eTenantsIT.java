package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two organizations, each with its own API key and credential reference, scanning one portal at the
 * same time through one pipeline, with different scans: alpha every property and the archived deals,
 * in pages of 100; beta three properties, in pages of 40. Both load the same deal ids, so a row
 * written to the wrong tenant or scan, or values of the other scan, would show.
 */
class E2eTenantsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BETA_PROPERTIES = List.of("amount", "dealname", "dealstage");
    /** What the list endpoint always adds to the requested properties. */
    private static final List<String> ALWAYS_SENT = List.of("createdate", "hs_lastmodifieddate", "hs_object_id");

    private static HubSpotSimulator hubspot;
    private static E2ePipeline pipeline;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_500).seed(11).token("tenants-token")
                .noRateLimits().build());
        pipeline = new E2ePipeline("e2e-tenants", hubspot.baseUrl(),
                Map.of("alpha", "tenants-token", "beta", "tenants-token"),
                Map.of("alpha-key", "org-alpha", "beta-key", "org-beta"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        E2ePipeline.closeAll(pipeline, hubspot);
    }

    @Test
    void shouldKeepEachTenantsDealsAndCountsApartWhenScanningAtOnce() throws Exception {
        List<SimulatedDeal> alphaPortal = Stream.concat(hubspot.dataset().activeDeals().stream(),
                hubspot.dataset().archivedDeals().stream()).toList();
        List<SimulatedDeal> betaPortal = hubspot.dataset().activeDeals().stream().map(E2eTenantsIT::onlyBetas).toList();
        ExpectedDeals alpha = new ExpectedDeals("org-alpha", "tenant-alpha-1", alphaPortal);
        ExpectedDeals beta = new ExpectedDeals("org-beta", "tenant-beta-1", betaPortal);
        assertThat(hubspot.dataset().archivedDeals()).isNotEmpty();

        pipeline.submit("alpha-key", "tenant-alpha-1", "alpha", 100, "\"include_archived\":true");
        pipeline.submit("beta-key", "tenant-beta-1", "beta", 40, "\"properties\":" + JSON.writeValueAsString(BETA_PROPERTIES));
        Map<String, Object> alphaScan = pipeline.awaitFinished("tenant-alpha-1", Duration.ofMinutes(3));
        Map<String, Object> betaScan = pipeline.awaitFinished("tenant-beta-1", Duration.ofMinutes(3));

        assertCompleted(alphaScan, "org-alpha", alpha.size());
        assertCompleted(betaScan, "org-beta", beta.size());
        alpha.assertLoaded(pipeline.jdbc());
        beta.assertLoaded(pipeline.jdbc());
        assertThat(pipeline.jdbc().sql("SELECT _tenant_id, COUNT(*) FROM hubspot_deals GROUP BY _tenant_id")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
                .containsExactlyInAnyOrder(Map.entry("org-alpha", alpha.size()), Map.entry("org-beta", beta.size()));
        List<ConsumerRecord<String, byte[]>> deals = pipeline.readCommitted("deals");
        alpha.assertOnDealTopic(deals, pipeline.topic("deals"));
        beta.assertOnDealTopic(deals, pipeline.topic("deals"));
        assertThat(deals).hasSize(alpha.size() + beta.size());

        assertSeesOnlyItsOwn("alpha-key", "tenant-alpha-1", "tenant-beta-1", alpha.size());
        assertSeesOnlyItsOwn("beta-key", "tenant-beta-1", "tenant-alpha-1", beta.size());
        assertThat(pipeline.get("nobody-key", "/api/v1/scans").statusCode()).isEqualTo(401);
    }

    private static void assertCompleted(Map<String, Object> scan, String organization, int deals) {
        assertThat(scan).containsEntry("status", "completed")
                .containsEntry("organization_id", organization)
                .containsEntry("total_items", deals)
                .containsEntry("processed_items", deals)
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%");
    }

    /** Through the API a tenant finds its own scan and deals, and the other tenant's scan does not exist. */
    private static void assertSeesOnlyItsOwn(String apiKey, String own, String other, int deals) throws Exception {
        JsonNode list = JSON.readTree(pipeline.get(apiKey, "/api/v1/scans").body());
        List<String> listed = new ArrayList<>();
        list.path("items").forEach(item -> listed.add(item.path("scan_id").asText()));
        assertThat(listed).as(apiKey + " lists").containsExactly(own);
        assertThat(JSON.readTree(pipeline.get(apiKey, "/api/v1/scans/" + own + "/deals?size=1").body())
                .path("total").asLong()).isEqualTo(deals);
        for (String path : List.of("", "/deals", "/deals/summary?groupBy=stage", "/deals/export?format=ndjson")) {
            assertThat(pipeline.get(apiKey, "/api/v1/scans/" + other + path).statusCode())
                    .as(apiKey + " on the other tenant's " + path).isEqualTo(404);
        }
        assertThat(pipeline.post(apiKey, "/api/v1/scans/" + other + "/cancel", "").statusCode()).isEqualTo(404);
        String export = pipeline.get(apiKey, "/api/v1/scans/" + own + "/deals/export?format=ndjson").body();
        assertThat(export.lines().count()).as(apiKey + " export lines").isEqualTo(deals);
    }

    /** The deal as beta's scan gets it: only the requested properties and those HubSpot always sends. */
    private static SimulatedDeal onlyBetas(SimulatedDeal deal) {
        Map<String, String> properties = new LinkedHashMap<>();
        deal.properties().forEach((name, value) -> {
            if (BETA_PROPERTIES.contains(name) || ALWAYS_SENT.contains(name)) {
                properties.put(name, value);
            }
        });
        assertThat(properties.keySet()).hasSize(BETA_PROPERTIES.size() + ALWAYS_SENT.size());
        return new SimulatedDeal(deal.id(), properties, deal.createdAt(), deal.updatedAt(), deal.archived(),
                deal.archivedAt(), deal.contactIds());
    }
}
