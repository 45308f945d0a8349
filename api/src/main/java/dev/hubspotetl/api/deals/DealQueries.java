package dev.hubspotetl.api.deals;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads one scan's deals. The caller has already checked that the scan belongs to its organization;
 * rows are found by scan_job_id, as the seed's queries find them.
 */
@Repository
public class DealQueries {

    private final JdbcClient jdbc;
    private final DealRowMapper rows;

    DealQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new DealRowMapper(json);
    }

    /** The seed's "Get paginated deals results", with filters and a whitelisted order. */
    public List<DealView> page(String scanJobId, DealFilter filter, DealSort sort, int limit, long offset) {
        List<Object> args = new ArrayList<>(List.of(scanJobId));
        String conditions = filter.conditions(args);
        args.add(limit);
        args.add(offset);
        return jdbc.sql("SELECT " + DealRowMapper.COLUMNS + " FROM hubspot_deals WHERE scan_job_id = ?" + conditions
                        + sort.orderBy() + " LIMIT ? OFFSET ?")
                .params(args).query(rows).list();
    }

    public long count(String scanJobId, DealFilter filter) {
        List<Object> args = new ArrayList<>(List.of(scanJobId));
        String conditions = filter.conditions(args);
        return jdbc.sql("SELECT count(*) FROM hubspot_deals WHERE scan_job_id = ?" + conditions)
                .params(args).query(Long.class).single();
    }

    /**
     * The seed's "Count deals by stage / pipeline / owner" (archived = FALSE, COUNT, SUM and AVG of
     * amount), biggest groups first and the null group last among equals, so answers are stable.
     */
    public List<DealSummary.Group> summary(String scanJobId, DealGrouping grouping) {
        String column = grouping.column();
        return jdbc.sql("SELECT " + column + " AS grp, COUNT(*) AS count, SUM(amount) AS total_amount,"
                        + " AVG(amount) AS avg_amount FROM hubspot_deals WHERE scan_job_id = ? AND archived = FALSE"
                        + " GROUP BY " + column + " ORDER BY count DESC, grp NULLS LAST")
                .param(scanJobId)
                .query((rs, i) -> new DealSummary.Group(rs.getString("grp"), rs.getLong("count"),
                        rs.getBigDecimal("total_amount"), rs.getBigDecimal("avg_amount")))
                .list();
    }
}
