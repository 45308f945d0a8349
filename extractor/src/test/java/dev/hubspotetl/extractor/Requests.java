package dev.hubspotetl.extractor;

import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.util.List;

/** Scan requests as a client sends them. */
final class Requests {

    private Requests() {
    }

    static ScanRequest.Builder full(String scanId, String organizationId, String credentialRef) {
        return ScanRequest.newBuilder()
                .setScanId(scanId)
                .setOrganizationId(organizationId)
                .setScanType("deals")
                .setMode("full")
                .setCredentialRef(credentialRef)
                .setBatchSize(100)
                .setProperties(List.of())
                .setIncludeArchived(false)
                .setIncludeAssociations(false)
                .setSince(null)
                .setRequestedAt(Instant.now())
                .setRequestedBy("test");
    }

    static ScanRequest.Builder incremental(String scanId, String organizationId, String credentialRef,
                                           Instant since) {
        return full(scanId, organizationId, credentialRef).setMode("incremental").setSince(since);
    }
}
