package dev.hubspotetl.api.scans;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * One scan_jobs row as {@link ScanJobQueries} reads it, with the seed's progress percentage and the
 * database's clock at reading time (timestamps are UTC wall-clock, so durations are computed against
 * the clock that wrote them).
 */
public record ScanJobRow(String id, String scanId, String organizationId, String status, String scanType,
                         String errorMessage, long totalItems, long processedItems, long failedItems,
                         BigDecimal progressPercent, String successRate, Integer batchSize,
                         LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime startedAt,
                         LocalDateTime extractionCompletedAt, LocalDateTime completedAt, LocalDateTime now) {

    /** The select list {@link #map} reads. */
    static final String COLUMNS = """
            id, scan_id, organization_id, status, scan_type, error_message,
            COALESCE(total_items, 0) AS total_items, COALESCE(processed_items, 0) AS processed_items,
            COALESCE(failed_items, 0) AS failed_items,
            CASE
                WHEN total_items > 0 THEN ROUND((processed_items * 100.0 / total_items), 2)
                ELSE 0
            END AS progress_percentage,
            success_rate, batch_size, created_at, updated_at, started_at, extraction_completed_at, completed_at,
            LOCALTIMESTAMP AS db_now""";

    static ScanJobRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ScanJobRow(rs.getString("id"), rs.getString("scan_id"), rs.getString("organization_id"),
                rs.getString("status"), rs.getString("scan_type"), rs.getString("error_message"),
                rs.getLong("total_items"), rs.getLong("processed_items"), rs.getLong("failed_items"),
                rs.getBigDecimal("progress_percentage"), rs.getString("success_rate"),
                rs.getObject("batch_size", Integer.class),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class),
                rs.getObject("started_at", LocalDateTime.class),
                rs.getObject("extraction_completed_at", LocalDateTime.class),
                rs.getObject("completed_at", LocalDateTime.class), rs.getObject("db_now", LocalDateTime.class));
    }

    public boolean isFinished() {
        return ScanStatus.of(status).map(ScanStatus::isFinished).orElse(false);
    }
}
