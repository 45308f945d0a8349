package dev.hubspotetl.extractor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.extractor.scan.FetchedPage.Position;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRecordsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void shouldStartAFullScanOnTheActiveListingAndAnIncrementalOneOnTheSearch() {
        assertThat(ScanRecords.initial(request("full"), ScanCheckpointState.RUNNING, NOW).getPhase()).isEqualTo("active");
        ScanCheckpoint incremental = ScanRecords.initial(request("incremental"), ScanCheckpointState.RUNNING, NOW);
        assertThat(incremental.getPhase()).isEqualTo("search");
        assertThat(incremental.getPagesPublished()).isZero();
        assertThat(incremental.getDealsExtracted()).isZero();
        assertThat(incremental.getRequest()).isEqualTo(request("incremental"));
    }

    @Test
    void shouldAdvanceTheCheckpointByOnePageAndItsDeals() {
        ScanCheckpoint start = ScanRecords.initial(request("full"), ScanCheckpointState.RUNNING, NOW);
        FetchedPage page = new FetchedPage("list", null, "10000000101", "{}", 100, NOW,
                new Position("active", "10000000101", null));

        ScanCheckpoint next = ScanRecords.advanced(start, page, List.of("dealname"), NOW);
        RawDealPage raw = ScanRecords.page(start, page);
        ScanEvent event = ScanRecords.pageExtracted(start, 100, NOW);

        assertThat(next.getState()).isEqualTo(ScanCheckpointState.RUNNING);
        assertThat(next.getNextCursor()).isEqualTo("10000000101");
        assertThat(next.getPagesPublished()).isEqualTo(1);
        assertThat(next.getDealsExtracted()).isEqualTo(100);
        assertThat(next.getProperties()).containsExactly("dealname");
        assertThat(raw.getPageNumber()).isZero();
        assertThat(raw.getResultCount()).isEqualTo(100);
        assertThat(event.getEventId()).isEqualTo("extractor:scan-1:page:0");
        assertThat(event.getExtractedTotal()).isEqualTo(100);
    }

    @Test
    void shouldMoveFromTheActiveToTheArchivedListingAndCompleteOnTheLastPage() {
        ScanCheckpoint start = ScanRecords.initial(request("full"), ScanCheckpointState.RUNNING, NOW);
        ScanCheckpoint archived = ScanRecords.advanced(start, new FetchedPage("list", null, null, "{}", 7, NOW,
                new Position("archived", null, null)), List.of(), NOW);
        ScanCheckpoint done = ScanRecords.advanced(archived, new FetchedPage("list", null, null, "{}", 3, NOW, null),
                List.of(), NOW);

        assertThat(archived.getPhase()).isEqualTo("archived");
        assertThat(archived.getNextCursor()).isNull();
        assertThat(done.getState()).isEqualTo(ScanCheckpointState.COMPLETED);
        assertThat(done.getDealsExtracted()).isEqualTo(10);
        ScanEvent completed = ScanRecords.completed(done, NOW);
        assertThat(completed.getType()).isEqualTo(ScanEventType.EXTRACTION_COMPLETED);
        assertThat(completed.getExtractedTotal()).isEqualTo(10);
        assertThat(completed.getEventId()).isEqualTo("extractor:scan-1:completed");
    }

    @Test
    void shouldGiveEveryEventADeterministicId() {
        assertThat(ScanRecords.started(request("full"), NOW).getEventId()).isEqualTo("extractor:scan-1:started");
        assertThat(ScanRecords.failed("scan-1", "org-1", 401, "no", NOW).getEventId()).isEqualTo("extractor:scan-1:failed");
        assertThat(ScanRecords.cancelled("scan-1", "org-1", "Cancelled", NOW).getEventId())
                .isEqualTo("extractor:scan-1:cancelled");
    }

    private static ScanRequest request(String mode) {
        return ScanRequest.newBuilder().setScanId("scan-1").setOrganizationId("org-1").setScanType("deals")
                .setMode(mode).setCredentialRef("portal-a").setBatchSize(100).setProperties(List.of())
                .setIncludeArchived(false).setIncludeAssociations(false)
                .setSince("incremental".equals(mode) ? Instant.EPOCH : null)
                .setRequestedAt(Instant.EPOCH).setRequestedBy(null).build();
    }
}
