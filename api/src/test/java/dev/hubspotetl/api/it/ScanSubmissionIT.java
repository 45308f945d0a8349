package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_B;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.api.tenancy.ApiKeys;
import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/scans: validation, the pending row, the published ScanRequest, 409s, 401s, 415. */
class ScanSubmissionIT extends ApiIntegrationTest {

    private static final ScanRequestSerde SERDE = new ScanRequestSerde();
    private final String requests = ApiTestEnvironment.get().requestsTopic;

    @Test
    void shouldAnswer202RecordThePendingRowAndPublishTheRequestWithoutSecrets() {
        ApiClient.Response response = api.post(KEY_A, "/api/v1/scans", """
                {"scan_id": "sub-full.1:a", "credential_ref": "acme-crm", "mode": "incremental",
                 "since": "2024-06-01T12:30:00+02:00", "batch_size": 25, "properties": ["dealname", "amount"],
                 "include_archived": true, "include_associations": false, "scan_type": "deals",
                 "organization_id": "org-alpha"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/scans/sub-full.1:a");
        assertThat(response.json().get("status_url").stringValue()).isEqualTo("/api/v1/scans/sub-full.1:a");
        assertThat(response.json().get("status").stringValue()).isEqualTo("pending");

        // Read-your-writes: the scan is visible as soon as the 202 is.
        ApiClient.Response status = api.get(KEY_A, "/api/v1/scans/sub-full.1:a");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("status").stringValue()).isEqualTo("pending");

        Map<String, Object> row = jdbc.queryForMap("SELECT id, status, scan_type, organization_id, batch_size, "
                + "config::text AS config FROM scan_jobs WHERE scan_id = ?", "sub-full.1:a");
        assertThat(row.get("id")).isEqualTo(ScanJobRepository.jobId("sub-full.1:a"));
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("organization_id")).isEqualTo(ORG_A);
        assertThat(row.get("batch_size")).isEqualTo(25);
        JsonNode config = ApiClient.JSON.readTree((String) row.get("config"));
        assertThat(config.get("credential_ref").stringValue()).isEqualTo("acme-crm");
        assertThat(config.get("mode").stringValue()).isEqualTo("incremental");
        assertThat(config.get("requested_by").stringValue()).isEqualTo(ApiKeys.label(KEY_A));
        assertThat((String) row.get("config")).doesNotContain(KEY_A);

        ConsumerRecord<byte[], byte[]> record = publishedFor("sub-full.1:a", 1).get(0);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(ORG_A);
        assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(KEY_A);
        ScanRequest request = SERDE.deserialize(requests, record.value());
        assertThat(request.getOrganizationId()).isEqualTo(ORG_A);
        assertThat(request.getScanType()).isEqualTo("deals");
        assertThat(request.getMode()).isEqualTo("incremental");
        assertThat(request.getCredentialRef()).isEqualTo("acme-crm");
        assertThat(request.getBatchSize()).isEqualTo(25);
        assertThat(request.getProperties()).containsExactly("dealname", "amount");
        assertThat(request.getIncludeArchived()).isTrue();
        assertThat(request.getIncludeAssociations()).isFalse();
        assertThat(request.getSince()).isEqualTo(Instant.parse("2024-06-01T10:30:00Z"));
        assertThat(request.getRequestedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(request.getRequestedBy()).isEqualTo(ApiKeys.label(KEY_A)).doesNotContain(KEY_A);
    }

    @Test
    void shouldApplyTheContractDefaultsToAMinimalRequest() {
        ApiClient.Response response = api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"sub-minimal\", \"credential_ref\": \"acme\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        ScanRequest request = SERDE.deserialize(requests, publishedFor("sub-minimal", 1).get(0).value());
        assertThat(request.getMode()).isEqualTo("full");
        assertThat(request.getScanType()).isEqualTo("deals");
        assertThat(request.getBatchSize()).isEqualTo(50);
        assertThat(request.getProperties()).isEmpty();
        assertThat(request.getSince()).isNull();
        assertThat(request.getIncludeArchived()).isFalse();
    }

    @Test
    void shouldListEveryBadFieldInOne400AndPublishNothing() {
        ApiClient.Response response = api.post(KEY_A, "/api/v1/scans", """
                {"scan_id": "bad id!", "mode": "sometimes", "batch_size": 0, "properties": ["dealname", "Deal Name", 7],
                 "scan_type": "contacts", "include_archived": "yes", "colour": "blue", "requested_by": "me",
                 "organization_id": "org-bravo"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_code").stringValue()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(response)).containsExactlyInAnyOrder("scan_id", "mode", "batch_size", "credential_ref",
                "properties[1]", "properties[2]", "scan_type", "include_archived", "colour", "requested_by",
                "organization_id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = 'bad id!'", Long.class))
                .isZero();
    }

    @Test
    void shouldRequireSinceForIncrementalScansOnlyAndAValidBatchSize() {
        assertThat(fields(api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"sub-inc\", \"credential_ref\": \"c\", \"mode\": \"incremental\"}")))
                .containsExactly("since");
        assertThat(fields(api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"sub-inc\", \"credential_ref\": \"c\", \"since\": \"2024-01-01T00:00:00Z\"}")))
                .containsExactly("since");
        assertThat(fields(api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"sub-inc\", \"credential_ref\": \"c\", "
                + "\"mode\": \"incremental\", \"since\": \"yesterday\", \"batch_size\": 101}")))
                .containsExactlyInAnyOrder("since", "batch_size");
        assertThat(fields(api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"sub-inc\", \"credential_ref\": \"secret token with spaces\", \"batch_size\": 2.5}")))
                .containsExactlyInAnyOrder("credential_ref", "batch_size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = 'sub-inc'", Long.class)).isZero();
    }

    @Test
    void shouldAnswer400ToMalformedOrNonObjectBodies() {
        ApiClient.Response malformed = api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"x\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error_code").stringValue()).isEqualTo("MALFORMED_REQUEST");

        ApiClient.Response array = api.post(KEY_A, "/api/v1/scans", "[1, 2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("error_code").stringValue()).isEqualTo("VALIDATION_FAILED");

        ApiClient.Response empty = api.post(KEY_A, "/api/v1/scans", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().has("message")).isTrue();
    }

    @Test
    void shouldAnswer415WithTheErrorBodyToANonJsonContentType() {
        ApiClient.Response response = api.send("POST", KEY_A, "/api/v1/scans", "text/plain",
                "scan_id=x&credential_ref=y");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error_code").stringValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.json().get("details").isArray()).isTrue();
    }

    @Test
    void shouldAnswer409ToAnExistingScanIdSayingWhetherItRunsOrRan() {
        assertThat(api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"sub-dup\", \"credential_ref\": \"c\"}").status())
                .isEqualTo(202);
        ApiClient.Response again = api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"sub-dup\", \"credential_ref\": \"c\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error_code").stringValue()).isEqualTo("SCAN_EXISTS");
        assertThat(again.json().get("message").stringValue()).contains("still pending");

        ScanFixture.scan("sub-ran", ORG_A).status("completed").insert(jdbc);
        ApiClient.Response ran = api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"sub-ran\", \"credential_ref\": \"c\"}");
        assertThat(ran.status()).isEqualTo(409);
        assertThat(ran.json().get("message").stringValue()).contains("already ran").contains("completed");

        ScanFixture.scan("sub-other-org", ORG_B).status("running").insert(jdbc);
        ApiClient.Response taken = api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"sub-other-org\", \"credential_ref\": \"c\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").stringValue()).contains("already in use").doesNotContain("running");
        assertThat(jdbc.queryForObject("SELECT organization_id FROM scan_jobs WHERE scan_id = 'sub-other-org'",
                String.class)).isEqualTo(ORG_B);

        assertThat(publishedFor("sub-dup", 1)).hasSize(1);
    }

    @Test
    void shouldAcceptExactlyOneOfManyConcurrentSubmissionsOfOneScanId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.post(KEY_B, "/api/v1/scans",
                        "{\"scan_id\": \"sub-race\", \"credential_ref\": \"c\"}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TopicRecords.readFor(requests, Duration.ofSeconds(2), r -> isFor(r, "sub-race"))).hasSize(1);
    }

    @Test
    void shouldAnswer401WithTheErrorBodyWithoutAValidKey() {
        String body = "{\"scan_id\": \"sub-unauth\", \"credential_ref\": \"c\"}";
        ApiClient.Response missing = api.post(null, "/api/v1/scans", body);
        ApiClient.Response unknown = api.post("not-a-key", "/api/v1/scans", body);

        for (ApiClient.Response response : List.of(missing, unknown)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error_code").stringValue()).isEqualTo("UNAUTHORIZED");
            assertThat(response.json().get("details").isArray()).isTrue();
        }
        assertThat(missing.json().get("message").stringValue()).contains("X-API-Key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = 'sub-unauth'", Long.class))
                .isZero();
        assertThat(api.get(null, "/api/v1/stats").status()).isEqualTo(401);
    }

    private List<ConsumerRecord<byte[], byte[]>> publishedFor(String scanId, int expected) {
        return TopicRecords.await(requests, r -> isFor(r, scanId), expected);
    }

    private boolean isFor(ConsumerRecord<byte[], byte[]> record, String scanId) {
        return SERDE.deserialize(requests, record.value()).getScanId().equals(scanId);
    }

}
