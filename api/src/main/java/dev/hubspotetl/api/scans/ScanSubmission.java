package dev.hubspotetl.api.scans;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A validated request to start a scan (the body of {@code POST /api/v1/scans}), defaults applied. The
 * organization is never part of it: it comes from the caller's API key.
 */
@Schema(name = "ScanSubmission", description = "Starts a scan of the caller's HubSpot portal. "
        + "Unknown fields are refused; organization_id may be given but must be the API key's organization.")
public record ScanSubmission(
        @JsonProperty("scan_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "acme-2024-06-01",
                description = "Client-chosen, unique: 1-255 of A-Z a-z 0-9 . _ : -") String scanId,
        @JsonProperty("scan_type") @Schema(defaultValue = "deals", allowableValues = "deals") String scanType,
        @Schema(defaultValue = "full", allowableValues = {"full", "incremental"}) String mode,
        @JsonProperty("credential_ref") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "acme",
                description = "Name of the HubSpot credential in the extractor's configuration "
                        + "(1-100 of A-Z a-z 0-9 _ -); never the token itself") String credentialRef,
        @JsonProperty("batch_size") @Schema(defaultValue = "50", minimum = "1", maximum = "100") int batchSize,
        @Schema(description = "Deal properties to fetch ([a-z0-9_]+); empty means all") List<String> properties,
        @JsonProperty("include_archived") @Schema(defaultValue = "false") boolean includeArchived,
        @JsonProperty("include_associations") @Schema(defaultValue = "false") boolean includeAssociations,
        @Schema(description = "Incremental scans only, and required for them: deals modified at or after this "
                + "ISO-8601 instant (or date, meaning its midnight UTC)", example = "2024-06-01T00:00:00Z")
        Instant since) {

    public static final String DEFAULT_SCAN_TYPE = "deals";
    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";
    public static final int DEFAULT_BATCH_SIZE = 50;

    public ScanSubmission {
        properties = List.copyOf(properties);
    }
}
