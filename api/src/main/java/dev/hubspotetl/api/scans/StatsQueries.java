package dev.hubspotetl.api.scans;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The totals of {@code GET /api/v1/stats}, for the caller's organization only. */
@Repository
public class StatsQueries {

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StatsView of(String organizationId) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        ScanStatus.allValues().forEach(status -> byStatus.put(status, 0L));
        long[] items = new long[3];
        jdbc.sql("""
                        SELECT status, count(*), COALESCE(SUM(total_items), 0), COALESCE(SUM(processed_items), 0),
                               COALESCE(SUM(failed_items), 0)
                        FROM scan_jobs WHERE organization_id = ? GROUP BY status""")
                .param(organizationId)
                .query(rs -> {
                    byStatus.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    items[0] += rs.getLong(3);
                    items[1] += rs.getLong(4);
                    items[2] += rs.getLong(5);
                });
        // Deals belong to the organization of their scan: the same ownership every other endpoint uses.
        record Deals(long total, long lastHour, LocalDateTime now) {
        }
        Deals deals = jdbc.sql("""
                        SELECT count(d.id), count(d.id) FILTER (WHERE d.created_at >= LOCALTIMESTAMP - INTERVAL '1 hour'),
                               LOCALTIMESTAMP
                        FROM scan_jobs s LEFT JOIN hubspot_deals d ON d.scan_job_id = s.id
                        WHERE s.organization_id = ?""")
                .param(organizationId)
                .query((rs, i) -> new Deals(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDateTime.class)))
                .single();
        long scans = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new StatsView(organizationId, scans, byStatus, deals.total(), deals.lastHour(), items[0], items[1],
                items[2], ScanView.utc(deals.now()));
    }
}
