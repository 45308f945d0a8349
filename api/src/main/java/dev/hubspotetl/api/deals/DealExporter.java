package dev.hubspotetl.api.deals;

import dev.hubspotetl.api.config.ApiProperties;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams a scan's deals to an output stream in constant memory: PostgreSQL sends the rows through a
 * cursor, fetch-size rows at a time, and each row is written out before the next is read. pgjdbc uses
 * a cursor only with a fetch size inside a transaction (autocommit off); without one it would load
 * the whole result into memory first.
 */
@Component
public class DealExporter {

    private static final int WRITE_BUFFER = 1 << 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final DealRowMapper rows;
    private final ObjectMapper json;

    DealExporter(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json,
                 ApiProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(properties.api().exportFetchSize());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.rows = new DealRowMapper(json);
        this.json = json;
    }

    /** Writes every matching deal and returns how many; the caller closes {@code out}. */
    public long export(String scanJobId, DealFilter filter, DealSort sort, ExportFormat format, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), WRITE_BUFFER);
        if (format == ExportFormat.CSV) {
            CsvLines.write(writer, DealView.CSV_HEADER);
        }
        List<Object> args = new ArrayList<>(List.of(scanJobId));
        String sql = "SELECT " + DealRowMapper.COLUMNS + " FROM hubspot_deals WHERE scan_job_id = ?"
                + filter.conditions(args) + sort.orderBy();
        long[] count = {0};
        try {
            readOnly.executeWithoutResult(status -> jdbc.query(sql, rs -> {
                DealView deal = rows.mapRow(rs, rs.getRow());
                try {
                    write(writer, format, deal);
                } catch (IOException e) {
                    // The client went away: stop reading rows; the transaction ends and frees the cursor.
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            }, args.toArray()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        return count[0];
    }

    private void write(Writer writer, ExportFormat format, DealView deal) throws IOException {
        if (format == ExportFormat.CSV) {
            CsvLines.write(writer, deal.csvValues());
        } else {
            // A String per row rather than a generator on the writer: the generator would flush the
            // response after every row.
            writer.write(json.writeValueAsString(deal));
            writer.write('\n');
        }
    }
}
