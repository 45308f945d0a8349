package dev.hubspotetl.api.scans;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A scan as the API shows it: the scan_jobs row plus what a watcher wants to know, computed from it.
 * Rates and times: deals/s = processed / seconds since started_at (until completed_at once finished);
 * remaining time = deals not yet accounted for / that rate, while running; null when unknown. While
 * extraction runs, total_items is the count extracted so far, so the estimate is a lower bound until
 * extraction_completed_at is set.
 */
@Schema(name = "Scan")
public record ScanView(
        @JsonProperty("scan_id") String scanId,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("scan_type") String scanType,
        @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"}) String status,
        @JsonProperty("total_items") long totalItems,
        @JsonProperty("processed_items") long processedItems,
        @JsonProperty("failed_items") long failedItems,
        @JsonProperty("progress_percent") @Schema(description = "As the seed computes it: "
                + "ROUND(processed * 100.0 / total, 2), 0 while total is 0") BigDecimal progressPercent,
        @JsonProperty("deals_per_second") Double dealsPerSecond,
        @JsonProperty("elapsed_seconds") Double elapsedSeconds,
        @JsonProperty("estimated_remaining_seconds") Long estimatedRemainingSeconds,
        @JsonProperty("success_rate") @Schema(example = "99.50%") String successRate,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("batch_size") Integer batchSize,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("extraction_completed_at") Instant extractionCompletedAt,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("updated_at") Instant updatedAt,
        ScanLinks links) {

    public static ScanView of(ScanJobRow row) {
        Double elapsed = elapsedSeconds(row);
        Double rate = elapsed == null || elapsed <= 0 ? null : row.processedItems() / elapsed;
        return new ScanView(row.scanId(), row.organizationId(), row.scanType(), row.status(), row.totalItems(),
                row.processedItems(), row.failedItems(), row.progressPercent(), round(rate), round(elapsed),
                remainingSeconds(row, elapsed), row.successRate(), row.errorMessage(), row.batchSize(),
                utc(row.createdAt()), utc(row.startedAt()), utc(row.extractionCompletedAt()), utc(row.completedAt()),
                utc(row.updatedAt()), ScanLinks.of(row.scanId()));
    }

    private static Double elapsedSeconds(ScanJobRow row) {
        if (row.startedAt() == null) {
            return null;
        }
        LocalDateTime end = row.completedAt() != null ? row.completedAt()
                : row.isFinished() ? row.updatedAt() : row.now();
        Duration elapsed = Duration.between(row.startedAt(), end);
        return elapsed.isNegative() ? 0.0 : elapsed.toNanos() / 1e9;
    }

    /** remaining / (processed / elapsed), computed as remaining * elapsed / processed to keep it exact. */
    private static Long remainingSeconds(ScanJobRow row, Double elapsed) {
        if (!ScanStatus.RUNNING.value().equals(row.status()) || elapsed == null || elapsed <= 0
                || row.processedItems() <= 0 || row.totalItems() <= 0) {
            return null;
        }
        long remaining = Math.max(0, row.totalItems() - row.processedItems() - row.failedItems());
        return (long) Math.ceil(remaining * elapsed / row.processedItems());
    }

    private static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** scan_jobs timestamps are UTC wall-clock time without a zone. */
    static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
