package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.kafka.ScanControlSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Cancel (a ScanControl on Kafka, 202; 400 once finished) and delete (204 with the deals; 409 while active). */
class ScanControlIT extends ApiIntegrationTest {

    private static final ScanControlSerde CONTROL = new ScanControlSerde();

    @Test
    void shouldPublishACancelForAnActiveScanAndAnswer202() {
        ScanFixture.scan("cancel-running", ORG_A).status("running").insert(jdbc);
        ScanFixture.scan("cancel-pending", ORG_A).insert(jdbc);

        ApiClient.Response running = api.post(KEY_A, "/api/v1/scans/cancel-running/cancel", null);
        ApiClient.Response pending = api.post(KEY_A, "/api/v1/scans/cancel-pending/cancel", null);

        assertThat(running.status()).as(running.toString()).isEqualTo(202);
        assertThat(running.header("Location")).isEqualTo("/api/v1/scans/cancel-running");
        assertThat(running.json().get("status").stringValue()).isEqualTo("running");
        assertThat(pending.status()).isEqualTo(202);
        String control = ApiTestEnvironment.get().controlTopic;
        ConsumerRecord<byte[], byte[]> record = TopicRecords.await(control,
                r -> new String(r.key(), StandardCharsets.UTF_8).equals("cancel-running"), 1).get(0);
        ScanControl command = CONTROL.deserialize(control, record.value());
        assertThat(command.getScanId()).isEqualTo("cancel-running");
        assertThat(command.getOrganizationId()).isEqualTo(ORG_A);
        assertThat(command.getAction()).isEqualTo(ScanControlAction.CANCEL);
        assertThat(command.getReason()).isEqualTo("Cancelled by user");
        // The loader applies the command; the API does not write the status itself.
        assertThat(jdbc.queryForObject("SELECT status FROM scan_jobs WHERE scan_id = 'cancel-running'", String.class))
                .isEqualTo("running");
    }

    @Test
    void shouldAnswer400ToACancelOfAFinishedScanAnd404ToAnUnknownOne() {
        for (String status : List.of("completed", "failed", "cancelled")) {
            ScanFixture.scan("cancel-" + status, ORG_A).status(status).insert(jdbc);
            ApiClient.Response response = api.post(KEY_A, "/api/v1/scans/cancel-" + status + "/cancel", null);
            assertThat(response.status()).as(status).isEqualTo(400);
            assertThat(response.json().get("error_code").stringValue()).isEqualTo("SCAN_FINISHED");
            assertThat(response.json().get("message").stringValue()).contains(status);
        }
        assertThat(api.post(KEY_A, "/api/v1/scans/cancel-unknown/cancel", null).status()).isEqualTo(404);
        String control = ApiTestEnvironment.get().controlTopic;
        assertThat(TopicRecords.readFor(control, Duration.ofSeconds(1),
                r -> new String(r.key(), StandardCharsets.UTF_8).startsWith("cancel-c"))).isEmpty();
    }

    @Test
    void shouldDeleteAFinishedScanWithItsDeals() {
        for (String status : List.of("completed", "failed", "cancelled")) {
            String scanId = "delete-" + status;
            ScanFixture.scan(scanId, ORG_A).status(status).insert(jdbc);
            DealFixture.deal(scanId, ORG_A, "d1").insert(jdbc);
            DealFixture.deal(scanId, ORG_A, "d2").insert(jdbc);

            ApiClient.Response response = api.delete(KEY_A, "/api/v1/scans/" + scanId);

            assertThat(response.status()).as(response.toString()).isEqualTo(204);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = ?", Long.class, scanId))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals WHERE scan_job_id = ?", Long.class,
                    ScanJobRepository.jobId(scanId))).isZero();
            assertThat(api.get(KEY_A, "/api/v1/scans/" + scanId).status()).isEqualTo(404);
            assertThat(api.delete(KEY_A, "/api/v1/scans/" + scanId).status()).isEqualTo(404);
        }
    }

    @Test
    void shouldAnswer409ToADeleteOfAnActiveScanAndKeepIt() {
        for (String status : List.of("pending", "running")) {
            String scanId = "delete-active-" + status;
            ScanFixture.scan(scanId, ORG_A).status(status).insert(jdbc);
            DealFixture.deal(scanId, ORG_A, "d1").insert(jdbc);

            ApiClient.Response response = api.delete(KEY_A, "/api/v1/scans/" + scanId);

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().get("error_code").stringValue()).isEqualTo("SCAN_ACTIVE");
            assertThat(response.json().get("message").stringValue()).contains(status);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals WHERE scan_job_id = ?", Long.class,
                    ScanJobRepository.jobId(scanId))).isEqualTo(1);
        }
    }
}
