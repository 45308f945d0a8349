package dev.hubspotetl.api.scans;

import dev.hubspotetl.api.kafka.PublishFailedException;
import dev.hubspotetl.api.kafka.ScanCommandPublisher;
import dev.hubspotetl.api.tenancy.Tenant;
import dev.hubspotetl.loader.scans.ScanRequestConfig;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Starts, cancels and deletes scans. Starting inserts the pending scan_jobs row first (the unique
 * scan_id makes "exists?" and "create" one atomic step, so two racing submits get one 202 and one 409),
 * then publishes the ScanRequest and waits for the broker; if Kafka does not acknowledge, the row is
 * removed again and the client gets 503, so a 202 always means the request is durable in Kafka.
 */
@Service
public class ScanService {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);
    static final String CANCEL_REASON = "Cancelled by user";

    private final ScanJobQueries scans;
    private final ScanCommandPublisher publisher;

    ScanService(ScanJobQueries scans, ScanCommandPublisher publisher) {
        this.scans = scans;
        this.publisher = publisher;
    }

    public void submit(Tenant tenant, ScanSubmission submission) {
        MDC.put("scan_id", submission.scanId());
        try {
            ScanRequest request = ScanRequests.toAvro(submission, tenant, Instant.now());
            boolean created = scans.insertPending(submission.scanId(), tenant.organizationId(), submission.scanType(),
                    ScanRequestConfig.toJson(request), submission.batchSize());
            if (!created) {
                throw alreadyExists(tenant, submission.scanId());
            }
            try {
                publisher.publish(request);
            } catch (PublishFailedException e) {
                scans.deletePending(submission.scanId(), tenant.organizationId());
                throw e;
            }
            log.info("Scan {} ({} {}) requested by {}", submission.scanId(), submission.mode(),
                    submission.scanType(), tenant.label());
        } finally {
            MDC.remove("scan_id");
        }
    }

    private ScanStateException alreadyExists(Tenant tenant, String scanId) {
        String message = scans.existing(scanId)
                .filter(existing -> tenant.organizationId().equals(existing.organizationId()))
                .map(existing -> ScanStatus.of(existing.status()).map(ScanStatus::isFinished).orElse(false)
                        ? "Scan '" + scanId + "' already ran (status " + existing.status()
                                + "); a scan_id is never run twice, choose a new one"
                        : "Scan '" + scanId + "' already exists and is still " + existing.status())
                // Another tenant's scan: say no more than that the id is taken.
                .orElse("scan_id '" + scanId + "' is already in use; choose another one");
        return new ScanStateException(ScanStateException.Reason.SCAN_EXISTS, message);
    }

    /** Publishes a CANCEL; the loader and the extractor apply it. Returns the scan as it was. */
    public ScanJobRow cancel(Tenant tenant, String scanId) {
        ScanJobRow scan = scans.find(tenant.organizationId(), scanId)
                .orElseThrow(() -> new ScanNotFoundException(scanId));
        if (scan.isFinished()) {
            throw new ScanStateException(ScanStateException.Reason.SCAN_FINISHED,
                    "Scan '" + scanId + "' has already finished (status " + scan.status() + "); nothing to cancel");
        }
        MDC.put("scan_id", scanId);
        try {
            publisher.publish(ScanControl.newBuilder()
                    .setScanId(scanId)
                    .setOrganizationId(tenant.organizationId())
                    .setAction(ScanControlAction.CANCEL)
                    .setReason(CANCEL_REASON)
                    .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .build());
            log.info("Cancel of scan {} requested by {}", scanId, tenant.label());
        } finally {
            MDC.remove("scan_id");
        }
        return scan;
    }

    /** Deletes a finished scan with its deals; an active one is refused, it would be written on again. */
    public void delete(Tenant tenant, String scanId) {
        ScanJobRow scan = scans.find(tenant.organizationId(), scanId)
                .orElseThrow(() -> new ScanNotFoundException(scanId));
        if (!scan.isFinished() || !scans.deleteFinished(tenant.organizationId(), scanId)) {
            // Not finished when read, or gone or changed between the read and the delete: read again.
            ScanJobRow now = scans.find(tenant.organizationId(), scanId)
                    .orElseThrow(() -> new ScanNotFoundException(scanId));
            throw new ScanStateException(ScanStateException.Reason.SCAN_ACTIVE, "Scan '" + scanId
                    + "' is still " + now.status() + "; cancel it and delete it once it has stopped");
        }
        log.info("Scan {} deleted by {}", scanId, tenant.label());
    }
}
