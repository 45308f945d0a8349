package dev.hubspotetl.loader.scans;

import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Applies scan requests, control commands and scan events to scan_jobs, inside the caller's
 * transaction. Messages are applied scan by scan in scan_id order (each scan's own messages in
 * their order), so that concurrent transactions lock scan rows in one order.
 */
@Component
public class ScanMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ScanMessageHandler.class);

    private final ScanJobRepository scans;

    ScanMessageHandler(ScanJobRepository scans) {
        this.scans = scans;
    }

    /** Returns the scans it changed, in scan_id order. */
    public List<String> apply(List<ScanMessage> messages) {
        Map<String, List<ScanMessage>> byScan = new TreeMap<>();
        Map<String, String> organizations = new LinkedHashMap<>();
        for (ScanMessage message : messages) {
            if (!message.changesScanJob()) {
                continue;
            }
            byScan.computeIfAbsent(message.scanId(), k -> new ArrayList<>()).add(message);
            organizations.putIfAbsent(message.scanId(), message.organizationId());
        }
        if (byScan.isEmpty()) {
            return List.of();
        }
        scans.ensureExists(organizations);
        byScan.forEach((scanId, scanMessages) -> {
            MDC.put("scan_id", scanId);
            try {
                scanMessages.forEach(this::applyOne);
            } finally {
                MDC.remove("scan_id");
            }
        });
        return List.copyOf(byScan.keySet());
    }

    private void applyOne(ScanMessage message) {
        if (message.value() instanceof ScanRequest request) {
            scans.recordRequest(request.getScanId(), request.getOrganizationId(), request.getScanType(),
                    ScanRequestConfig.toJson(request), request.getBatchSize());
        } else if (message.value() instanceof ScanControl control) {
            if (control.getAction() == ScanControlAction.CANCEL) {
                scans.markCancelled(control.getScanId(), control.getReason());
            } else {
                log.warn("Ignoring scan control {} for scan {}: unknown to this loader", control.getAction(),
                        control.getScanId());
            }
        } else {
            applyEvent((ScanEvent) message.value());
        }
    }

    private void applyEvent(ScanEvent event) {
        String scanId = event.getScanId();
        switch (event.getType()) {
            case EXTRACTION_STARTED -> scans.markRunning(scanId, event.getOccurredAt());
            case PAGE_EXTRACTED -> {
                if (event.getExtractedTotal() != null) {
                    scans.raiseTotal(scanId, event.getExtractedTotal());
                }
            }
            case EXTRACTION_COMPLETED -> {
                if (event.getExtractedTotal() == null) {
                    scans.markFailed(scanId, "The extractor reported completion without a total");
                } else {
                    scans.markExtractionCompleted(scanId, event.getExtractedTotal());
                    scans.completeIfDone(List.of(scanId));
                }
            }
            case EXTRACTION_FAILED -> scans.markFailed(scanId, describeExtractionFailure(event));
            case TRANSFORM_FAILED -> {
                if (event.getDealCount() == null) {
                    scans.markFailed(scanId, "Transformer: " + event.getErrorMessage());
                } else {
                    scans.addCounts(scanId, 0, event.getDealCount());
                    scans.completeIfDone(List.of(scanId));
                }
            }
            case CANCELLED -> scans.markCancelled(scanId, event.getErrorMessage());
            default -> log.debug("Event {} of scan {} changes nothing in scan_jobs", event.getType(), scanId);
        }
    }

    private static String describeExtractionFailure(ScanEvent event) {
        String message = event.getErrorMessage() == null ? "extraction failed" : event.getErrorMessage();
        return event.getHttpStatus() == null ? message : "HubSpot answered " + event.getHttpStatus() + ": " + message;
    }
}
