package dev.hubspotetl.api.it;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scan_jobs row as the loader would have left it. Times are UTC wall-clock, like the loader writes
 * them, whatever this JVM's zone.
 */
final class ScanFixture {

    private final String scanId;
    private final String organizationId;
    private String status = "pending";
    private String scanType = "deals";
    private long total;
    private long processed;
    private long failed;
    private LocalDateTime createdAt = utcNow();
    private LocalDateTime startedAt;
    private LocalDateTime completedAt;
    private String successRate;
    private String errorMessage;

    private ScanFixture(String scanId, String organizationId) {
        this.scanId = scanId;
        this.organizationId = organizationId;
    }

    static ScanFixture scan(String scanId, String organizationId) {
        return new ScanFixture(scanId, organizationId);
    }

    static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    ScanFixture status(String value) {
        status = value;
        return this;
    }

    ScanFixture scanType(String value) {
        scanType = value;
        return this;
    }

    ScanFixture counts(long totalItems, long processedItems, long failedItems) {
        total = totalItems;
        processed = processedItems;
        failed = failedItems;
        return this;
    }

    ScanFixture createdSecondsAgo(long seconds) {
        createdAt = utcNow().minusSeconds(seconds);
        return this;
    }

    ScanFixture startedSecondsAgo(long seconds) {
        startedAt = utcNow().minusSeconds(seconds);
        return this;
    }

    ScanFixture completedSecondsAgo(long seconds) {
        completedAt = utcNow().minusSeconds(seconds);
        return this;
    }

    ScanFixture successRate(String value) {
        successRate = value;
        return this;
    }

    ScanFixture error(String message) {
        errorMessage = message;
        return this;
    }

    String insert(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, organization_id, error_message,
                    started_at, completed_at, total_items, processed_items, failed_items, success_rate, batch_size,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, '{"credential_ref":"crm"}', ?, ?, ?, ?, ?, ?, ?, ?, 50, ?, ?)""",
                ScanJobRepository.jobId(scanId), scanId, status, scanType, organizationId, errorMessage, startedAt,
                completedAt, total, processed, failed, successRate, createdAt, createdAt);
        return ScanJobRepository.jobId(scanId);
    }
}
