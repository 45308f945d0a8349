package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchStageRatesTest {

    private static ScanEvent event(String scanId, ScanEventType type, long atMillis, Long extracted, Long processed) {
        return ScanEvent.newBuilder().setEventId(type + "-" + atMillis).setScanId(scanId).setType(type)
                .setStage("test").setOccurredAt(Instant.ofEpochMilli(atMillis)).setExtractedTotal(extracted)
                .setProcessedItems(processed).build();
    }

    @Test
    void shouldRateTheExtractorFromStartToItsLastPage() {
        List<ScanEvent> events = List.of(
                event("s", ScanEventType.EXTRACTION_STARTED, 1_000, null, null),
                event("s", ScanEventType.PAGE_EXTRACTED, 2_000, 100L, null),
                event("s", ScanEventType.PAGE_EXTRACTED, 3_000, 200L, null),
                event("other", ScanEventType.PAGE_EXTRACTED, 9_000, 900L, null));
        assertThat(StageRates.extractor(events, "s").getAsDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(StageRates.extractor(events.subList(1, 3), "s")).isEmpty();
    }

    @Test
    void shouldRateTheLoaderBetweenItsFirstAndLastProgress() {
        List<ScanEvent> events = List.of(
                event("s", ScanEventType.LOAD_PROGRESS, 5_000, null, 3_000L),
                event("s", ScanEventType.LOAD_PROGRESS, 1_000, null, 1_000L),
                event("s", ScanEventType.LOAD_PROGRESS, 3_000, null, 2_000L));
        assertThat(StageRates.loader(events, "s").getAsDouble()).isCloseTo(500.0, within(1e-9));
        assertThat(StageRates.loader(events.subList(0, 1), "s")).isEmpty();
    }
}
