package dev.hubspotetl.api.deals;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Which deals of a scan a list or an export shows; null means "no condition". Close dates are UTC
 * wall-clock times like the column, both bounds inclusive.
 *
 * @param archived null for archived and live deals alike
 * @param query    matched case-insensitively and literally (no wildcards) against name and description
 */
public record DealFilter(String stage, String pipeline, String owner, LocalDateTime closeFrom,
                         LocalDateTime closeTo, Boolean archived, String query) {

    public static final DealFilter NONE = new DealFilter(null, null, null, null, null, null, null);

    /**
     * The WHERE clause after {@code scan_job_id = ?}: fixed SQL text only, every value a bound
     * parameter appended to {@code args}.
     */
    String conditions(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        condition(sql, args, " AND deal_stage = ?", stage);
        condition(sql, args, " AND pipeline = ?", pipeline);
        condition(sql, args, " AND hubspot_owner_id = ?", owner);
        condition(sql, args, " AND close_date >= ?", closeFrom);
        condition(sql, args, " AND close_date <= ?", closeTo);
        condition(sql, args, " AND archived = ?", archived);
        if (query != null) {
            // The seed's "Search deals by name or description", with the term escaped so it matches literally.
            String pattern = containsPattern(query);
            sql.append(" AND (deal_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            args.add(pattern);
            args.add(pattern);
        }
        return sql.toString();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    /** A LIKE pattern matching any text that contains {@code term}, whose %, _ and \ are taken literally. */
    static String containsPattern(String term) {
        StringBuilder pattern = new StringBuilder(term.length() + 8).append('%');
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
