package dev.hubspotetl.api.scans;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's statements on scan_jobs. Every read names the caller's organization, so a scan of another
 * tenant is indistinguishable from a missing one. Values are always bound, never concatenated.
 */
@Repository
public class ScanJobQueries {

    private static final String FINISHED = "status IN ('completed', 'failed', 'cancelled')";

    private final JdbcClient jdbc;

    ScanJobQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seed's "Get scan job with status", limited to the caller's organization. */
    public Optional<ScanJobRow> find(String organizationId, String scanId) {
        return jdbc.sql("SELECT " + ScanJobRow.COLUMNS + " FROM scan_jobs WHERE scan_id = ? AND organization_id = ?")
                .params(scanId, organizationId).query(ScanJobRow::map).optional();
    }

    /** Newest first; status and scan type are optional filters. */
    public List<ScanJobRow> list(String organizationId, String status, String scanType, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(organizationId, status, scanType, args);
        args.add(limit);
        args.add(offset);
        return jdbc.sql("SELECT " + ScanJobRow.COLUMNS + " FROM scan_jobs WHERE " + where
                        + " ORDER BY created_at DESC, scan_id LIMIT ? OFFSET ?")
                .params(args).query(ScanJobRow::map).list();
    }

    public long count(String organizationId, String status, String scanType) {
        List<Object> args = new ArrayList<>();
        String where = where(organizationId, status, scanType, args);
        return jdbc.sql("SELECT count(*) FROM scan_jobs WHERE " + where).params(args).query(Long.class).single();
    }

    private static String where(String organizationId, String status, String scanType, List<Object> args) {
        StringBuilder where = new StringBuilder("organization_id = ?");
        args.add(organizationId);
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (scanType != null) {
            where.append(" AND scan_type = ?");
            args.add(scanType);
        }
        return where.toString();
    }

    /**
     * The seed's "Create scan job", with the id every loader instance derives from the scan_id. False
     * when the scan_id exists already: the unique key makes the check and the insert one atomic step.
     */
    public boolean insertPending(String scanId, String organizationId, String scanType, String configJson,
                                 int batchSize) {
        return jdbc.sql("""
                        INSERT INTO scan_jobs (id, scan_id, status, scan_type, config, organization_id, batch_size)
                        VALUES (?, ?, 'pending', ?, ?::json, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(ScanJobRepository.jobId(scanId), scanId, scanType, configJson, organizationId, batchSize)
                .update() == 1;
    }

    /** Who owns a scan_id and in which status, whatever the organization: for the 409 of a repeated submit. */
    public Optional<Existing> existing(String scanId) {
        return jdbc.sql("SELECT organization_id, status FROM scan_jobs WHERE scan_id = ?").param(scanId)
                .query((rs, i) -> new Existing(rs.getString(1), rs.getString(2))).optional();
    }

    public record Existing(String organizationId, String status) {
    }

    /** Takes back the row of a request Kafka did not acknowledge, unless something already moved it on. */
    public void deletePending(String scanId, String organizationId) {
        jdbc.sql("DELETE FROM scan_jobs WHERE scan_id = ? AND organization_id = ? AND status = 'pending'")
                .params(scanId, organizationId).update();
    }

    /** Deletes a finished scan; its deals go with it (ON DELETE CASCADE). False when it is not finished. */
    public boolean deleteFinished(String organizationId, String scanId) {
        return jdbc.sql("DELETE FROM scan_jobs WHERE scan_id = ? AND organization_id = ? AND " + FINISHED)
                .params(scanId, organizationId).update() == 1;
    }
}
