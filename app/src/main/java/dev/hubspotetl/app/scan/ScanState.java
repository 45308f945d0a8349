package dev.hubspotetl.app.scan;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One scan's row of {@code scan_jobs}, as the loader keeps it.
 *
 * @param jobId               {@code scan_jobs.id}, which {@code hubspot_deals.scan_job_id} refers to
 * @param status              pending, running, completed, failed or cancelled
 * @param totalItems          deals extracted so far; the exact total once extraction has finished
 * @param processedItems      deals loaded
 * @param failedItems         deals that could not be loaded
 * @param extractionCompleted whether the extractor has reported its exact total
 * @param successRate         the seed's success rate, once completed
 * @param startedAt           when the extractor started (UTC)
 * @param completedAt         when the scan finished (UTC)
 * @param errorMessage        why it failed or was cancelled
 */
public record ScanState(String jobId, String status, long totalItems, long processedItems, long failedItems,
                        boolean extractionCompleted, Optional<String> successRate, Optional<LocalDateTime> startedAt,
                        Optional<LocalDateTime> completedAt, Optional<String> errorMessage) {

    public boolean finished() {
        return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }

    public boolean completed() {
        return status.equals("completed");
    }

    /** Deals that have gone all the way through, loaded or failed. */
    public long done() {
        return processedItems + failedItems;
    }
}
