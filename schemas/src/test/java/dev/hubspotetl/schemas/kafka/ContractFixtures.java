package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One fully populated instance of every contract record. */
final class ContractFixtures {

    static final Instant AT = Instant.parse("2024-03-01T10:15:30.123Z");

    private ContractFixtures() {
    }

    static ScanRequest scanRequest() {
        return ScanRequest.newBuilder()
                .setScanId("scan-1").setOrganizationId("org-1").setScanType("deals").setMode("incremental")
                .setCredentialRef("acme").setBatchSize(100).setProperties(List.of("dealname", "amount"))
                .setIncludeArchived(true).setIncludeAssociations(true).setSince(AT.minusSeconds(3600))
                .setRequestedAt(AT).setRequestedBy("api-key:ops").build();
    }

    static ScanControl scanControl() {
        return ScanControl.newBuilder().setScanId("scan-1").setOrganizationId("org-1")
                .setAction(ScanControlAction.CANCEL).setReason("Cancelled by user").setRequestedAt(AT).build();
    }

    static RawDealPage rawDealPage() {
        return RawDealPage.newBuilder().setScanId("scan-1").setOrganizationId("org-1").setPageNumber(7)
                .setSource("search").setRequestCursor("700").setNextCursor("800").setResultCount(1)
                .setBody("{\"results\":[{\"id\":\"51\",\"properties\":{\"dealname\":\"Caf\u00e9 \ud83d\ude80\"}}]}")
                .setExtractedAt(AT).build();
    }

    static Deal deal() {
        return Deal.newBuilder().setOrganizationId("org-1").setScanId("scan-1").setDealId("51")
                .setDealName("New Website Project \ud83d\ude80").setAmount(new BigDecimal("1500.00"))
                .setDealStage("presentationscheduled").setCloseDate(Instant.parse("2024-02-15T00:00:00Z"))
                .setPipeline("default").setDealType("newbusiness").setHubspotOwnerId("owner-123")
                .setDealStageProbability(new BigDecimal("0.60")).setDescription("A long story")
                .setAnalyticsSource("ORGANIC_SEARCH").setNumAssociatedContacts(3).setPriority("high")
                .setNextStep("Call").setForecastAmount(new BigDecimal("900.00"))
                .setForecastProbability(new BigDecimal("0.25"))
                .setHubspotCreatedAt(Instant.parse("2024-01-15T10:30:00Z"))
                .setHubspotUpdatedAt(Instant.parse("2024-01-20T14:22:00Z")).setArchived(true)
                .setRawProperties("{\"dealname\":\"New Website Project\",\"custom_field_1\":\"value1\"}")
                .setExtractedAt(AT).build();
    }

    static ScanEvent scanEvent() {
        return ScanEvent.newBuilder().setEventId("loader:scan-1:0:42").setScanId("scan-1").setOrganizationId("org-1")
                .setType(ScanEventType.LOAD_PROGRESS).setStage("loader").setOccurredAt(AT).setPageNumber(3)
                .setDealCount(10L).setExtractedTotal(100L).setProcessedItems(90L).setFailedItems(1L)
                .setTotalItems(100L).setStatus("running").setHttpStatus(429).setErrorMessage("none").build();
    }

    static ScanCheckpoint scanCheckpoint() {
        return ScanCheckpoint.newBuilder().setScanId("scan-1").setOrganizationId("org-1").setRequest(scanRequest())
                .setState(ScanCheckpointState.RUNNING).setPhase("search").setNextCursor("800")
                .setSearchFloorId("12345").setProperties(List.of("dealname", "amount")).setPagesPublished(8)
                .setDealsExtracted(800L).setUpdatedAt(AT).build();
    }
}
