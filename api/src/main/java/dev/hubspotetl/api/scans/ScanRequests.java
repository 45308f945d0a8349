package dev.hubspotetl.api.scans;

import dev.hubspotetl.api.tenancy.Tenant;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** A validated submission as the ScanRequest contract and as the seed's scan_jobs.config. */
final class ScanRequests {

    private ScanRequests() {
    }

    /** The organization and requested_by come from the caller's key, never from the body. */
    static ScanRequest toAvro(ScanSubmission submission, Tenant tenant, Instant now) {
        return ScanRequest.newBuilder()
                .setScanId(submission.scanId())
                .setOrganizationId(tenant.organizationId())
                .setScanType(submission.scanType())
                .setMode(submission.mode())
                .setCredentialRef(submission.credentialRef())
                .setBatchSize(submission.batchSize())
                .setProperties(submission.properties())
                .setIncludeArchived(submission.includeArchived())
                .setIncludeAssociations(submission.includeAssociations())
                .setSince(submission.since() == null ? null : submission.since().truncatedTo(ChronoUnit.MILLIS))
                // timestamp-millis on the wire: truncated here so that the row and the record agree.
                .setRequestedAt(now.truncatedTo(ChronoUnit.MILLIS))
                .setRequestedBy(tenant.label())
                .build();
    }

    /**
     * The same JSON the loader writes for a request it sees first (its ScanRequestConfig), so that a
     * row reads the same whichever of the two created it. It holds a credential reference, never a secret.
     */
    static String configJson(ScanRequest request, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("scan_id", request.getScanId());
        config.put("organization_id", request.getOrganizationId());
        config.put("scan_type", request.getScanType());
        config.put("mode", request.getMode());
        config.put("credential_ref", request.getCredentialRef());
        config.put("batch_size", request.getBatchSize());
        config.put("properties", request.getProperties());
        config.put("include_archived", request.getIncludeArchived());
        config.put("include_associations", request.getIncludeAssociations());
        config.put("since", request.getSince() == null ? null : request.getSince().toString());
        config.put("requested_at", request.getRequestedAt().toString());
        config.put("requested_by", request.getRequestedBy());
        return json.writeValueAsString(config);
    }
}
