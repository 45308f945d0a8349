package dev.hubspotetl.app.scan;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads scan accounting from PostgreSQL, for the progress bar and the summary. Read-only. */
public final class ScanJobs {

    private final JdbcClient jdbc;

    public ScanJobs(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public static ScanJobs connect(String url, String username, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        dataSource.setApplicationName("hubspot-etl-console");
        return new ScanJobs(dataSource);
    }

    /** The scan's row; empty until the loader has seen its request. */
    public Optional<ScanState> find(String scanId) {
        return jdbc.sql("""
                        SELECT id, status, total_items, processed_items, failed_items,
                               extraction_completed_at IS NOT NULL AS extraction_completed, success_rate,
                               started_at, completed_at, error_message
                        FROM scan_jobs WHERE scan_id = ?""")
                .param(scanId)
                .query((rs, n) -> new ScanState(rs.getString("id"), rs.getString("status"),
                        rs.getLong("total_items"), rs.getLong("processed_items"), rs.getLong("failed_items"),
                        rs.getBoolean("extraction_completed"),
                        Optional.ofNullable(rs.getString("success_rate")),
                        Optional.ofNullable(rs.getTimestamp("started_at")).map(Timestamp::toLocalDateTime),
                        Optional.ofNullable(rs.getTimestamp("completed_at")).map(Timestamp::toLocalDateTime),
                        Optional.ofNullable(rs.getString("error_message"))))
                .optional();
    }

    /** The seed's "count deals by stage" for one scan, the biggest stages first. */
    public List<StageTotal> dealsByStage(String jobId) {
        return jdbc.sql("""
                        SELECT deal_stage, COUNT(*) AS count, SUM(amount) AS total_amount
                        FROM hubspot_deals
                        WHERE scan_job_id = ? AND archived = FALSE
                        GROUP BY deal_stage
                        ORDER BY count DESC, deal_stage""")
                .param(jobId)
                .query((rs, n) -> new StageTotal(Optional.ofNullable(rs.getString("deal_stage")), rs.getLong("count"),
                        Optional.ofNullable(rs.getBigDecimal("total_amount"))))
                .list();
    }

    /** How many scans the database holds, by status; empty before the loader's first migration. */
    public Map<String, Long> scansByStatus() {
        Boolean migrated = jdbc.sql("SELECT to_regclass('scan_jobs') IS NOT NULL").query(Boolean.class).single();
        if (!Boolean.TRUE.equals(migrated)) {
            return Map.of();
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM scan_jobs GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
