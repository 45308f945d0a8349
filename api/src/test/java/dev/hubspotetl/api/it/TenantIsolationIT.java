package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_B;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An API key sees and touches only its own organization's scans: another one's answer 404 everywhere. */
class TenantIsolationIT extends ApiIntegrationTest {

    private static final String DONE = "tenant-a-done";
    private static final String RUNNING = "tenant-a-running";

    @BeforeEach
    void organizationAScans() {
        if (jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = ?", Long.class, DONE) == 0) {
            ScanFixture.scan(DONE, ORG_A).status("completed").counts(2, 2, 0).insert(jdbc);
            DealFixture.deal(DONE, ORG_A, "a1").name("Secret A deal").amount("10.00").stage("closedwon").insert(jdbc);
            DealFixture.deal(DONE, ORG_A, "a2").name("Other A deal").amount("20.00").stage("closedwon").insert(jdbc);
            ScanFixture.scan(RUNNING, ORG_A).status("running").insert(jdbc);
        }
    }

    @Test
    void shouldAnswer404ToAnotherOrganizationsScanOnEveryEndpoint() {
        List<String> reads = List.of("/api/v1/scans/" + DONE, "/api/v1/scans/" + DONE + "/deals",
                "/api/v1/scans/" + DONE + "/deals?q=Secret", "/api/v1/scans/" + DONE + "/deals/summary?groupBy=stage",
                "/api/v1/scans/" + DONE + "/deals/export?format=csv",
                "/api/v1/scans/" + DONE + "/deals/export?format=ndjson");
        for (String path : reads) {
            assertThat(api.get(KEY_A, path).status()).as("owner: " + path).isEqualTo(200);
            ApiClient.Response response = api.get(KEY_B, path);
            assertNotFound(response, path);
        }
        assertNotFound(api.post(KEY_B, "/api/v1/scans/" + RUNNING + "/cancel", null), "cancel");
        assertNotFound(api.delete(KEY_B, "/api/v1/scans/" + DONE), "delete");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals d JOIN scan_jobs s ON s.id = d.scan_job_id "
                + "WHERE s.scan_id = ?", Long.class, DONE)).isEqualTo(2);
        assertThat(TopicRecords.readFor(ApiTestEnvironment.get().controlTopic, Duration.ofSeconds(1),
                r -> new String(r.key(), StandardCharsets.UTF_8).equals(RUNNING))).isEmpty();
    }

    @Test
    void shouldAnswerAnotherOrganizationsScanExactlyLikeAMissingOne() {
        ApiClient.Response foreign = api.get(KEY_B, "/api/v1/scans/" + DONE);
        ApiClient.Response missing = api.get(KEY_B, "/api/v1/scans/" + DONE + "-missing");

        assertThat(foreign.json().get("error_code")).isEqualTo(missing.json().get("error_code"));
        assertThat(foreign.json().get("message").stringValue())
                .isEqualTo(missing.json().get("message").stringValue().replace(DONE + "-missing", DONE));
    }

    @Test
    void shouldListAndCountOnlyTheCallersOwnScansAndDeals() {
        JsonNode page = api.get(KEY_B, "/api/v1/scans?size=500").json();
        page.get("items").forEach(item -> assertThat(item.get("organization_id").stringValue()).isEqualTo(ORG_B));
        assertThat(page.get("total").longValue()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE organization_id = ?", Long.class, ORG_B));

        JsonNode stats = api.get(KEY_B, "/api/v1/stats").json();
        assertThat(stats.get("organization_id").stringValue()).isEqualTo(ORG_B);
        assertThat(stats.get("deals_total").longValue()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM "
                + "hubspot_deals d JOIN scan_jobs s ON s.id = d.scan_job_id WHERE s.organization_id = ?", Long.class,
                ORG_B));
        JsonNode statsA = api.get(KEY_A, "/api/v1/stats").json();
        assertThat(statsA.get("deals_total").longValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRefuseToStartAScanInAnotherOrganization() {
        ApiClient.Response response = api.post(KEY_B, "/api/v1/scans",
                "{\"scan_id\": \"tenant-b-into-a\", \"credential_ref\": \"c\", \"organization_id\": \"" + ORG_A + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("details").get(0).get("field").stringValue()).isEqualTo("organization_id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = 'tenant-b-into-a'", Long.class))
                .isZero();
    }

    private static void assertNotFound(ApiClient.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(404);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(response.json().get("error_code").stringValue()).as(what).isEqualTo("SCAN_NOT_FOUND");
        assertThat(response.body()).as(what).doesNotContain("Secret A deal").doesNotContain(ORG_A);
    }
}
