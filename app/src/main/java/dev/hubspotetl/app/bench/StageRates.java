package dev.hubspotetl.app.bench;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Stage rates from the scan's events on {@code hubspot.scan-events}, by their {@code occurred_at}. */
final class StageRates {

    private StageRates() {
    }

    /**
     * Deals extracted per second: the extracted total over the time from EXTRACTION_STARTED to the last
     * PAGE_EXTRACTED (the extractor's active time for the scan).
     */
    static OptionalDouble extractor(List<ScanEvent> events, String scanId) {
        List<ScanEvent> mine = of(events, scanId);
        var started = mine.stream().filter(e -> e.getType() == ScanEventType.EXTRACTION_STARTED)
                .map(ScanEvent::getOccurredAt).min(Comparator.naturalOrder());
        var pages = mine.stream().filter(e -> e.getType() == ScanEventType.PAGE_EXTRACTED).toList();
        if (started.isEmpty() || pages.isEmpty()) {
            return OptionalDouble.empty();
        }
        var last = pages.stream().map(ScanEvent::getOccurredAt).max(Comparator.naturalOrder()).orElseThrow();
        long deals = pages.stream().mapToLong(e -> e.getExtractedTotal() == null ? 0 : e.getExtractedTotal())
                .max().orElse(0);
        return rate(deals, last.toEpochMilli() - started.get().toEpochMilli());
    }

    /**
     * Deals loaded per second: the growth of processed_items between the first and the last
     * LOAD_PROGRESS event, over the time between them (the first batch's deals and time are left out).
     */
    static OptionalDouble loader(List<ScanEvent> events, String scanId) {
        List<ScanEvent> progress = of(events, scanId).stream()
                .filter(e -> e.getType() == ScanEventType.LOAD_PROGRESS && e.getProcessedItems() != null)
                .sorted(Comparator.comparing(ScanEvent::getOccurredAt)).toList();
        if (progress.size() < 2) {
            return OptionalDouble.empty();
        }
        ScanEvent first = progress.get(0);
        long lastProcessed = progress.stream().mapToLong(ScanEvent::getProcessedItems).max().orElse(0);
        long lastAt = progress.get(progress.size() - 1).getOccurredAt().toEpochMilli();
        return rate(lastProcessed - first.getProcessedItems(), lastAt - first.getOccurredAt().toEpochMilli());
    }

    static OptionalDouble rate(long items, long millis) {
        return items <= 0 || millis <= 0 ? OptionalDouble.empty() : OptionalDouble.of(items / (millis / 1000.0));
    }

    private static List<ScanEvent> of(List<ScanEvent> events, String scanId) {
        return events.stream().filter(e -> scanId.equals(e.getScanId())).toList();
    }
}
