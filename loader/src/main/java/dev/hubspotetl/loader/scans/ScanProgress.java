package dev.hubspotetl.loader.scans;

/** A scan_jobs row's status and absolute counts right after a committed transaction. */
public record ScanProgress(String scanId, String organizationId, String status, long totalItems,
                           long processedItems, long failedItems, boolean extractionCompleted) {
}
