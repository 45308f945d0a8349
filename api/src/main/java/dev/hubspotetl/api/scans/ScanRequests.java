package dev.hubspotetl.api.scans;

import dev.hubspotetl.api.tenancy.Tenant;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A validated submission as the ScanRequest contract. */
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
}
