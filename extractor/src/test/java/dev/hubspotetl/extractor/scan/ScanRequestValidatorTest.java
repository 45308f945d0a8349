package dev.hubspotetl.extractor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanRequestValidatorTest {

    private final ScanRequestValidator validator = new ScanRequestValidator(
            new Credentials(Map.of("portal-a", "token-a"), null));

    @Test
    void shouldAcceptAValidFullAndIncrementalRequest() {
        assertThat(validator.problems(request().build())).isEmpty();
        assertThat(validator.problems(request().setBatchSize(1).setIncludeArchived(true)
                .setIncludeAssociations(true).setProperties(List.of("dealname", "custom_1")).build())).isEmpty();
        assertThat(validator.problems(request().setMode("incremental").setSince(Instant.EPOCH).build())).isEmpty();
    }

    @Test
    void shouldSayExactlyWhatIsWrong() {
        assertThat(validator.problems(request().setScanType("contacts").build()))
                .containsExactly("scan_type 'contacts' is not supported; the extractor supports 'deals'");
        assertThat(validator.problems(request().setMode("delta").build()))
                .containsExactly("mode 'delta' is not supported; use 'full' or 'incremental'");
        assertThat(validator.problems(request().setCredentialRef(" ").build()))
                .containsExactly("credential_ref is missing");
        assertThat(validator.problems(request().setCredentialRef("portal-z").build()))
                .containsExactly("credential_ref 'portal-z' is unknown to the extractor (configure "
                        + "etl.hubspot.credentials.portal-z)");
        assertThat(validator.problems(request().setBatchSize(0).build()))
                .containsExactly("batch_size 0 is outside 1-100");
        assertThat(validator.problems(request().setBatchSize(101).build()))
                .containsExactly("batch_size 101 is outside 1-100");
        assertThat(validator.problems(request().setOrganizationId("").build()))
                .containsExactly("organization_id is missing");
        assertThat(validator.problems(request().setProperties(List.of("ok", "not ok", "")).build()))
                .containsExactly("properties 'not ok', '' are not HubSpot property names (letters, digits and underscores)");
    }

    @Test
    void shouldRefuseWhatHubSpotsSearchCannotDo() {
        assertThat(validator.problems(request().setMode("incremental").build()))
                .containsExactly("mode 'incremental' needs 'since' (deals modified at or after it are extracted)");
        assertThat(validator.problems(request().setMode("incremental").setSince(Instant.EPOCH)
                .setIncludeArchived(true).setIncludeAssociations(true).build()))
                .containsExactly(
                        "include_archived is not supported with mode 'incremental': HubSpot's search API never "
                                + "returns archived deals; run a full scan",
                        "include_associations is not supported with mode 'incremental': HubSpot's search API "
                                + "returns no associations; run a full scan");
    }

    @Test
    void shouldListEveryProblemOfARequest() {
        assertThat(validator.problems(request().setScanType("x").setMode("y").setBatchSize(-1).build())).hasSize(3);
    }

    private static ScanRequest.Builder request() {
        return ScanRequest.newBuilder().setScanId("scan-1").setOrganizationId("org-1").setScanType("deals")
                .setMode("full").setCredentialRef("portal-a").setBatchSize(100).setProperties(List.of())
                .setIncludeArchived(false).setIncludeAssociations(false).setSince(null)
                .setRequestedAt(Instant.EPOCH).setRequestedBy(null);
    }
}
