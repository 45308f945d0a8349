package dev.hubspotetl.loader.scans;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The loader's statements on scan_jobs. Status changes follow the seed's SQL and never leave a
 * final status (completed, failed, cancelled); counters keep counting after one, so that they stay
 * exact. Callers touching several scans in one transaction go in scan_id order, so that concurrent
 * transactions lock the rows in the same order and never deadlock.
 */
@Repository
public class ScanJobRepository {

    static final String PLACEHOLDER_CONFIG = "{}";
    private static final String OPEN = "status IN ('pending', 'running')";

    private final JdbcTemplate jdbc;

    public ScanJobRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row id of a scan: derived from its scan_id, so every loader instance picks the same one. */
    public static String jobId(String scanId) {
        return UUID.nameUUIDFromBytes(("scan_job:" + scanId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Creates pending rows for scans not seen yet (their request may still be on its way). */
    public void ensureExists(Map<String, String> organizationByScanId) {
        List<Object[]> args = new ArrayList<>();
        organizationByScanId.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.add(new Object[] {jobId(e.getKey()), e.getKey(), e.getValue()}));
        jdbc.batchUpdate("""
                INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, organization_id)
                VALUES (?, ?, 'pending', 'deals', '{}', ?)
                ON CONFLICT (scan_id) DO NOTHING""", args);
    }

    /** The row ids of the scans, by scan_id. */
    public Map<String, String> jobIds(Collection<String> scanIds) {
        Map<String, String> ids = new HashMap<>();
        jdbc.query("SELECT scan_id, id FROM scan_jobs WHERE scan_id = ANY(?)",
                rs -> {
                    ids.put(rs.getString(1), rs.getString(2));
                }, (Object) scanIds.toArray(String[]::new));
        return ids;
    }

    /** Records a scan request: a new pending row, or the real configuration of a placeholder. */
    public void recordRequest(String scanId, String organizationId, String scanType, String configJson, int batchSize) {
        jdbc.update("""
                INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, organization_id, batch_size)
                VALUES (?, ?, 'pending', ?, ?::json, ?, ?)
                ON CONFLICT (scan_id) DO UPDATE
                  SET scan_type = EXCLUDED.scan_type, config = EXCLUDED.config,
                      organization_id = EXCLUDED.organization_id, batch_size = EXCLUDED.batch_size
                  WHERE scan_jobs.config::text = '{}'""",
                jobId(scanId), scanId, scanType, configJson, organizationId, batchSize);
    }

    public void markRunning(String scanId, Instant startedAt) {
        jdbc.update("UPDATE scan_jobs SET status = 'running', started_at = COALESCE(started_at, ?) "
                + "WHERE scan_id = ? AND status = 'pending'", utc(startedAt), scanId);
    }

    /** The running count of deals extracted so far; never lowers what is already there. */
    public void raiseTotal(String scanId, long extractedSoFar) {
        jdbc.update("UPDATE scan_jobs SET total_items = GREATEST(COALESCE(total_items, 0), ?) WHERE scan_id = ?",
                Math.toIntExact(extractedSoFar), scanId);
    }

    public void markExtractionCompleted(String scanId, long exactTotal) {
        jdbc.update("""
                UPDATE scan_jobs SET total_items = ?, extraction_completed_at = COALESCE(extraction_completed_at, CURRENT_TIMESTAMP)
                WHERE scan_id = ?""", Math.toIntExact(exactTotal), scanId);
    }

    public void addCounts(String scanId, long processed, long failed) {
        jdbc.update("""
                UPDATE scan_jobs SET processed_items = COALESCE(processed_items, 0) + ?,
                                     failed_items = COALESCE(failed_items, 0) + ?
                WHERE scan_id = ?""", Math.toIntExact(processed), Math.toIntExact(failed), scanId);
    }

    /** As the seed's "Complete scan", once extraction has finished and every deal is accounted for. */
    public void completeIfDone(Collection<String> scanIds) {
        jdbc.update("""
                UPDATE scan_jobs
                SET status = 'completed',
                    completed_at = CURRENT_TIMESTAMP,
                    success_rate = CASE
                        WHEN total_items > 0 THEN ROUND(((total_items - failed_items) * 100.0 / total_items), 2)::TEXT || '%'
                        ELSE '100%'
                    END
                WHERE scan_id = ANY(?) AND status IN ('pending', 'running') AND extraction_completed_at IS NOT NULL
                  AND processed_items + failed_items >= total_items""",
                (Object) scanIds.toArray(String[]::new));
    }

    public void markFailed(String scanId, String errorMessage) {
        jdbc.update("UPDATE scan_jobs SET status = 'failed', completed_at = CURRENT_TIMESTAMP, error_message = ? "
                + "WHERE scan_id = ? AND " + OPEN, errorMessage, scanId);
    }

    /** The seed's "Cancel a scan". */
    public void markCancelled(String scanId, String reason) {
        jdbc.update("UPDATE scan_jobs SET status = 'cancelled', completed_at = CURRENT_TIMESTAMP, error_message = ? "
                + "WHERE scan_id = ? AND " + OPEN, reason == null ? "Cancelled by user" : reason, scanId);
    }

    public List<ScanProgress> progressOf(Collection<String> scanIds) {
        return jdbc.query("""
                SELECT scan_id, organization_id, status, total_items, processed_items, failed_items,
                       extraction_completed_at IS NOT NULL AS extraction_completed
                FROM scan_jobs WHERE scan_id = ANY(?) ORDER BY scan_id""",
                (rs, i) -> new ScanProgress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getBoolean(7)),
                (Object) scanIds.toArray(String[]::new));
    }

    /** Seed timestamps have no time zone; the loader writes UTC wall-clock time. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
