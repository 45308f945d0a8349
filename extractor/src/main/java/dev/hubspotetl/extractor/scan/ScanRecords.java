package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.AvroTrust;
import java.time.Instant;
import java.util.List;

/**
 * The records a scan writes. Event ids are deterministic ({@code extractor:<scan_id>:page:<n>}, ...),
 * so that a consumer recognises a redelivered event; counts come from the checkpoint, so that they
 * stay exact across restarts.
 */
public final class ScanRecords {

    public static final String STAGE = "extractor";
    static final String FULL = "full";
    static final String INCREMENTAL = "incremental";
    static final String ACTIVE = "active";
    static final String ARCHIVED = "archived";
    static final String SEARCH = "search";

    static {
        // Copying a checkpoint copies its nested ScanRequest, which Avro does only for trusted packages.
        AvroTrust.trustContractPackage();
    }

    private ScanRecords() {
    }

    /**
     * The first checkpoint of a request: RUNNING when it is accepted; FAILED or CANCELLED when it is
     * answered without running (invalid, or cancelled before it arrived).
     */
    public static ScanCheckpoint initial(ScanRequest request, ScanCheckpointState state, Instant now) {
        return base(request, state, now).setPhase(INCREMENTAL.equals(request.getMode()) ? SEARCH : ACTIVE).build();
    }

    /** The checkpoint after a page: its position, counts and, on the last page, COMPLETED. */
    static ScanCheckpoint advanced(ScanCheckpoint checkpoint, FetchedPage page, List<String> properties, Instant now) {
        ScanCheckpoint.Builder next = ScanCheckpoint.newBuilder(checkpoint)
                .setProperties(properties)
                .setPagesPublished(checkpoint.getPagesPublished() + 1)
                .setDealsExtracted(checkpoint.getDealsExtracted() + page.resultCount())
                .setUpdatedAt(now);
        if (page.last()) {
            next.setState(ScanCheckpointState.COMPLETED).setNextCursor(null);
        } else {
            next.setPhase(page.next().phase()).setNextCursor(page.next().cursor())
                    .setSearchFloorId(page.next().floorId());
        }
        return next.build();
    }

    static ScanCheckpoint ended(ScanCheckpoint checkpoint, ScanCheckpointState state, Instant now) {
        return ScanCheckpoint.newBuilder(checkpoint).setState(state).setUpdatedAt(now).build();
    }

    static RawDealPage page(ScanCheckpoint checkpoint, FetchedPage page) {
        return RawDealPage.newBuilder()
                .setScanId(checkpoint.getScanId())
                .setOrganizationId(checkpoint.getOrganizationId())
                .setPageNumber(checkpoint.getPagesPublished())
                .setSource(page.source())
                .setRequestCursor(page.requestCursor())
                .setNextCursor(page.nextCursor())
                .setResultCount(page.resultCount())
                .setBody(page.body())
                .setExtractedAt(page.extractedAt())
                .build();
    }

    public static ScanEvent started(ScanRequest request, Instant now) {
        return event(request.getScanId(), request.getOrganizationId(), ScanEventType.EXTRACTION_STARTED, "started", now)
                .build();
    }

    static ScanEvent pageExtracted(ScanCheckpoint before, int dealCount, Instant now) {
        int pageNumber = before.getPagesPublished();
        return event(before.getScanId(), before.getOrganizationId(), ScanEventType.PAGE_EXTRACTED,
                "page:" + pageNumber, now)
                .setPageNumber(pageNumber)
                .setDealCount((long) dealCount)
                .setExtractedTotal(before.getDealsExtracted() + dealCount)
                .build();
    }

    static ScanEvent completed(ScanCheckpoint last, Instant now) {
        return event(last.getScanId(), last.getOrganizationId(), ScanEventType.EXTRACTION_COMPLETED, "completed", now)
                .setDealCount(last.getDealsExtracted())
                .setExtractedTotal(last.getDealsExtracted())
                .build();
    }

    public static ScanEvent failed(String scanId, String organizationId, Integer httpStatus, String message,
                                   Instant now) {
        return event(scanId, organizationId, ScanEventType.EXTRACTION_FAILED, "failed", now)
                .setHttpStatus(httpStatus)
                .setErrorMessage(message)
                .build();
    }

    public static ScanEvent cancelled(String scanId, String organizationId, String reason, Instant now) {
        return event(scanId, organizationId, ScanEventType.CANCELLED, "cancelled", now)
                .setErrorMessage(reason)
                .build();
    }

    private static ScanEvent.Builder event(String scanId, String organizationId, ScanEventType type, String position,
                                           Instant now) {
        return ScanEvent.newBuilder()
                .setEventId(STAGE + ":" + scanId + ":" + position)
                .setScanId(scanId)
                .setOrganizationId(organizationId)
                .setType(type)
                .setStage(STAGE)
                .setOccurredAt(now);
    }

    private static ScanCheckpoint.Builder base(ScanRequest request, ScanCheckpointState state, Instant now) {
        return ScanCheckpoint.newBuilder()
                .setScanId(request.getScanId())
                .setOrganizationId(request.getOrganizationId())
                .setRequest(request)
                .setState(state)
                .setNextCursor(null)
                .setSearchFloorId(null)
                .setProperties(List.of())
                .setPagesPublished(0)
                .setDealsExtracted(0L)
                .setUpdatedAt(now);
    }
}
