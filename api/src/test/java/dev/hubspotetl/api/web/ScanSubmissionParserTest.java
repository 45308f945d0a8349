package dev.hubspotetl.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hubspotetl.api.scans.ScanSubmission;
import dev.hubspotetl.api.tenancy.Tenant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScanSubmissionParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Tenant TENANT = new Tenant("org-1", "key-00000000");

    @Test
    void shouldReadEveryFieldOfAValidIncrementalRequest() {
        ScanSubmission submission = parse("""
                {"scan_id": "a.b:c-d_e", "credential_ref": "crm_1-x", "mode": "incremental", "since": "2024-06-01",
                 "batch_size": 100, "properties": ["amount", "dealname", "amount"], "include_archived": true,
                 "include_associations": true, "scan_type": "deals", "organization_id": "org-1"}""");

        assertThat(submission.scanId()).isEqualTo("a.b:c-d_e");
        assertThat(submission.credentialRef()).isEqualTo("crm_1-x");
        assertThat(submission.mode()).isEqualTo("incremental");
        assertThat(submission.since()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(submission.batchSize()).isEqualTo(100);
        assertThat(submission.properties()).containsExactly("amount", "dealname");
        assertThat(submission.includeArchived()).isTrue();
        assertThat(submission.includeAssociations()).isTrue();
        assertThat(submission.scanType()).isEqualTo("deals");
    }

    @Test
    void shouldApplyDefaultsAndTreatJsonNullsAsAbsent() {
        ScanSubmission submission = parse("""
                {"scan_id": "s", "credential_ref": "c", "mode": null, "batch_size": null, "since": null,
                 "properties": null, "include_archived": null}""");

        assertThat(submission.mode()).isEqualTo("full");
        assertThat(submission.batchSize()).isEqualTo(50);
        assertThat(submission.since()).isNull();
        assertThat(submission.properties()).isEmpty();
        assertThat(submission.includeArchived()).isFalse();
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() {
        assertThat(errors("""
                {"scan_id": "", "credential_ref": "has space", "mode": "FULL", "batch_size": "50",
                 "properties": "amount", "include_associations": 1, "scan_type": "deal", "extra": 1,
                 "requested_at": "now", "organization_id": "org-2"}"""))
                .containsExactlyInAnyOrder("scan_id", "credential_ref", "mode", "batch_size", "properties",
                        "include_associations", "scan_type", "extra", "requested_at", "organization_id");
    }

    @Test
    void shouldBoundScanIdAndBatchSize() {
        assertThat(errors("{\"scan_id\": \"" + "x".repeat(256) + "\", \"credential_ref\": \"c\", \"batch_size\": 101}"))
                .containsExactlyInAnyOrder("scan_id", "batch_size");
        assertThat(errors("{\"scan_id\": \"x/y\", \"credential_ref\": \"c\", \"batch_size\": 3000000000}"))
                .containsExactlyInAnyOrder("scan_id", "batch_size");
        assertThat(parse("{\"scan_id\": \"" + "x".repeat(255) + "\", \"credential_ref\": \"c\", \"batch_size\": 1}")
                .batchSize()).isEqualTo(1);
    }

    @Test
    void shouldTieSinceToIncrementalMode() {
        assertThat(errors("{\"scan_id\": \"s\", \"credential_ref\": \"c\", \"mode\": \"incremental\"}"))
                .containsExactly("since");
        assertThat(errors("{\"scan_id\": \"s\", \"credential_ref\": \"c\", \"since\": \"2024-01-01T00:00:00Z\"}"))
                .containsExactly("since");
        assertThat(errors("{\"scan_id\": \"s\", \"credential_ref\": \"c\", \"mode\": \"incremental\", \"since\": 17}"))
                .containsExactly("since");
        assertThat(errors("{\"scan_id\": \"s\", \"credential_ref\": \"c\", \"mode\": \"incremental\", "
                + "\"since\": \"2024-01-01T00:00:00\"}")).as("a date-time needs its offset").containsExactly("since");
    }

    @Test
    void shouldNameTheBadPropertiesByIndex() {
        assertThat(errors("{\"scan_id\": \"s\", \"credential_ref\": \"c\", \"properties\": [\"ok\", \"Not-OK\", null]}"))
                .containsExactly("properties[1]", "properties[2]");
    }

    @Test
    void shouldRefuseABodyThatIsNoObject() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> ScanSubmissionParser.parse(JSON.readTree("[]"), TENANT));
        assertThat(e.details()).hasSize(1);
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> ScanSubmissionParser.parse(null, TENANT))).isNotNull();
    }

    private static ScanSubmission parse(String json) {
        return ScanSubmissionParser.parse(JSON.readTree(json), TENANT);
    }

    private static List<String> errors(String json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> parse(json));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.details().stream().map(ApiError.Detail::field).toList();
    }
}
