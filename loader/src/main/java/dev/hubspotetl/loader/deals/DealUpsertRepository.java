package dev.hubspotetl.loader.deals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Upserts deal rows with the fastest paths PostgreSQL has. A scan's deals are new rows but for the
 * rare deal that comes again (a page fetched twice), so a batch is first copied straight into
 * hubspot_deals under a savepoint. When a row is already there (or PostgreSQL refuses a value), that
 * is rolled back and the batch takes the upsert path: COPY into a temporary table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT (scan_job_id, deal_id) DO UPDATE}; after a conflict the
 * next {@value #UPSERTS_AFTER_CONFLICT} batches go that way directly, so a scan full of repeats
 * wastes little. Runs in the caller's transaction. When PostgreSQL rejects a value, the rows are
 * split in halves under savepoints until the rejected rows stand alone; those are returned, every
 * other row is loaded.
 */
@Repository
public class DealUpsertRepository {

    /** Batches that go straight to the upsert path after one found a row already there. */
    static final int UPSERTS_AFTER_CONFLICT = 50;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String STAGING = "loader_deals_batch";
    // Created and dropped by each transaction: a staging table reused across a pooled session's
    // transactions measured ~20 % slower per batch here (ON COMMIT DELETE ROWS).
    private static final String CREATE_STAGING = "CREATE TEMP TABLE " + STAGING
            + " (LIKE hubspot_deals INCLUDING DEFAULTS) ON COMMIT DROP";
    private static final String COPY_STRAIGHT_IN = "COPY hubspot_deals (" + DealCsv.COLUMNS
            + ") FROM STDIN (FORMAT csv)";
    private static final String COPY = "COPY " + STAGING + " (" + DealCsv.COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String UPSERT = "INSERT INTO hubspot_deals (" + DealCsv.COLUMNS + ") SELECT "
            + DealCsv.COLUMNS + " FROM " + STAGING + " ON CONFLICT (scan_job_id, deal_id) DO UPDATE SET "
            + updateAllButKeys() + ", updated_at = CURRENT_TIMESTAMP";
    private static final int COPY_BUFFER = 1 << 16;

    private final DataSource dataSource;
    private final boolean straightInFirst;
    private final AtomicInteger upsertsLeft = new AtomicInteger();

    @Autowired
    DealUpsertRepository(DataSource dataSource) {
        this(dataSource, true);
    }

    /** With {@code straightInFirst} false, every batch takes the upsert path (the bench's ceiling). */
    DealUpsertRepository(DataSource dataSource, boolean straightInFirst) {
        this.dataSource = dataSource;
        this.straightInFirst = straightInFirst;
    }

    /** A row PostgreSQL refused, with its reason. */
    record Rejected(DealRow row, SQLException reason) {
    }

    /** Loads every row it can; returns the ones PostgreSQL refused. */
    List<Rejected> upsert(List<DealRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (straightInFirst && upsertsLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0
                    && copiedStraightIn(connection, rows)) {
                return List.of();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
            }
            List<Rejected> rejected = new ArrayList<>();
            loadIsolating(connection, rows, rejected, new Staging());
            return rejected;
        } catch (SQLException e) {
            throw new DealLoadException("Cannot upsert " + rows.size() + " deals", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Whether the rows are in; false, with nothing changed, when one of them conflicts or is refused. */
    private boolean copiedStraightIn(Connection connection, List<DealRow> rows) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            copy(connection, COPY_STRAIGHT_IN, rows);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!isRejectedValue(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                upsertsLeft.set(UPSERTS_AFTER_CONFLICT);
            }
            return false;
        }
    }

    private void loadIsolating(Connection connection, List<DealRow> rows, List<Rejected> rejected, Staging staging)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            staging.empty(connection);
            load(connection, rows);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!isRejectedValue(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            if (rows.size() == 1) {
                rejected.add(new Rejected(rows.get(0), e));
                return;
            }
            int half = rows.size() / 2;
            loadIsolating(connection, rows.subList(0, half), rejected, staging);
            loadIsolating(connection, rows.subList(half, rows.size()), rejected, staging);
        }
    }

    private static void load(Connection connection, List<DealRow> rows) throws SQLException {
        copy(connection, COPY, rows);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(UPSERT);
        }
    }

    private static void copy(Connection connection, String copySql, List<DealRow> rows) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (PGCopyOutputStream copy = new PGCopyOutputStream(pg, copySql, COPY_BUFFER)) {
            CsvCopyBuffer out = new CsvCopyBuffer(copy, COPY_BUFFER);
            for (DealRow row : rows) {
                DealCsv.write(row, out);
            }
            out.flush();
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("COPY of " + rows.size() + " deals failed: " + e.getMessage(), "58030", e);
        }
    }

    /**
     * The staging table is created empty; only a batch split after a rejected value loads it again,
     * and then it may hold the rows of an earlier half (a rollback to a savepoint brings them back).
     */
    private static final class Staging {

        private boolean loaded;

        void empty(Connection connection) throws SQLException {
            if (loaded) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE " + STAGING);
                }
            }
            loaded = true;
        }
    }

    /**
     * Data exceptions (22: bad value, out of range, invalid text) and integrity violations (23) belong
     * to a row; anything else (connection lost, deadlock, shutdown) fails the whole batch for a retry.
     */
    static boolean isRejectedValue(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String updateAllButKeys() {
        List<String> sets = new ArrayList<>();
        for (String column : DealCsv.COLUMNS.split(",\\s*")) {
            if (!column.equals("id") && !column.equals("scan_job_id") && !column.equals("deal_id")) {
                sets.add(column + " = EXCLUDED." + column);
            }
        }
        return String.join(", ", sets);
    }
}
