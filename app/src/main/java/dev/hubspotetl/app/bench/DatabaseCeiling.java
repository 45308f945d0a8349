package dev.hubspotetl.app.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's ceiling for the rows a scan loaded, measured the loader's way with nothing around it:
 * the rows are exported as COPY CSV (in an order shuffled by deal id, as partitions spread them), then
 * loaded into a fresh copy of the database without them in {@code hubspot_deals}: per transaction of
 * {@value #ROWS_PER_TRANSACTION} rows a temporary staging table, COPY into it, one
 * {@code INSERT ... SELECT ... ON CONFLICT (scan_job_id, deal_id) DO UPDATE}, over
 * {@value #CONNECTIONS} connections at once (the loader's defaults). Only that load is timed.
 */
final class DatabaseCeiling {

    static final int ROWS_PER_TRANSACTION = 2_000;
    static final int CONNECTIONS = 2;

    /** The loader's COPY column list (DealCsv.COLUMNS in the loader, package-private there). */
    static final String COLUMNS = "id, scan_job_id, deal_id, deal_name, amount, deal_stage, close_date, pipeline, "
            + "deal_type, hubspot_owner_id, deal_stage_probability, description, analytics_source, "
            + "num_associated_contacts, priority, next_step, forecast_amount, forecast_probability, "
            + "hubspot_created_at, hubspot_updated_at, archived, raw_properties, _extracted_at, _scan_id, _tenant_id";
    private static final String STAGING = "bench_deals_batch";

    private DatabaseCeiling() {
    }

    /** The exported rows and where each transaction's chunk starts in the file. */
    record Export(Path file, List<long[]> chunks, long rows) {
    }

    /** Writes the scan's rows to {@code file} as COPY CSV and cuts it into chunks of whole rows. */
    static Export export(String url, String user, String password, String jobId, Path file)
            throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             OutputStream out = Files.newOutputStream(file)) {
            String sql = "COPY (SELECT " + COLUMNS + " FROM hubspot_deals WHERE scan_job_id = '"
                    + jobId.replace("'", "''") + "' ORDER BY md5(deal_id)) TO STDOUT (FORMAT csv)";
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        }
        return cut(file, ROWS_PER_TRANSACTION);
    }

    /** Chunks of {@code rowsPerChunk} CSV records: a newline ends a record only outside quotes. */
    static Export cut(Path file, int rowsPerChunk) throws IOException {
        List<long[]> chunks = new ArrayList<>();
        long rows = 0;
        long position = 0;
        long chunkStart = 0;
        int inChunk = 0;
        boolean quoted = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                position++;
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    rows++;
                    if (++inChunk == rowsPerChunk) {
                        chunks.add(new long[] {chunkStart, position});
                        chunkStart = position;
                        inChunk = 0;
                    }
                }
            }
        }
        if (position > chunkStart) {
            chunks.add(new long[] {chunkStart, position});
        }
        return new Export(file, chunks, rows);
    }

    /** Loads the export into the database at {@code url}; returns rows per second. */
    static double load(Export export, String url, String user, String password) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try (FileChannel channel = FileChannel.open(export.file(), StandardOpenOption.READ)) {
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Connection connection = DriverManager.getConnection(url, user, password);
                    connection.setAutoCommit(false);
                    connections.add(connection);
                }
                int share = (export.chunks().size() + CONNECTIONS - 1) / CONNECTIONS;
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    List<long[]> mine = export.chunks().subList(Math.min(export.chunks().size(), i * share),
                            Math.min(export.chunks().size(), (i + 1) * share));
                    Connection connection = connections.get(i);
                    running.add(pool.submit(() -> {
                        for (long[] chunk : mine) {
                            loadChunk(connection, channel, chunk);
                        }
                        return null;
                    }));
                }
                for (Future<?> done : running) {
                    done.get();
                }
                return export.rows() / ((System.nanoTime() - start) / 1e9);
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void loadChunk(Connection connection, FileChannel channel, long[] chunk)
            throws SQLException, IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) (chunk[1] - chunk[0]));
        long at = chunk[0];
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("Unexpected end of " + chunk[1]);
            }
            at += read;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + STAGING + " (LIKE hubspot_deals INCLUDING DEFAULTS) ON COMMIT DROP");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY " + STAGING + " (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new java.io.ByteArrayInputStream(buffer.array()));
            statement.executeUpdate("INSERT INTO hubspot_deals (" + COLUMNS + ") SELECT " + COLUMNS + " FROM "
                    + STAGING + " ON CONFLICT (scan_job_id, deal_id) DO UPDATE SET " + updateAllButKeys()
                    + ", updated_at = CURRENT_TIMESTAMP");
        }
        connection.commit();
    }

    static String updateAllButKeys() {
        List<String> sets = new ArrayList<>();
        for (String column : COLUMNS.split(",\\s*")) {
            if (!column.equals("id") && !column.equals("scan_job_id") && !column.equals("deal_id")) {
                sets.add(column + " = EXCLUDED." + column);
            }
        }
        return String.join(", ", sets);
    }

    /**
     * A fresh database with the pipeline's schema and scan_jobs rows but no deals: a copy of
     * {@code source} (which nobody may be connected to) with {@code hubspot_deals} emptied.
     */
    static void createFreshCopy(String adminUrl, String user, String password, String source, String target)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + target);
            statement.execute("CREATE DATABASE " + target + " TEMPLATE " + source);
        }
    }

    static void drop(String adminUrl, String user, String password, String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /** Writes every dirty page out, so that no checkpoint falls due in the load that follows. */
    static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Deletes the rows of the scans with these row ids, so the copy is as the pipeline found it before
     * them (holding the warm-up scan's rows when only the timed scan's go), and vacuums the table.
     */
    static void removeRows(String url, String user, String password, List<String> jobIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             var delete = connection.prepareStatement("DELETE FROM hubspot_deals WHERE scan_job_id = ANY(?)");
             Statement statement = connection.createStatement()) {
            delete.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
            delete.executeUpdate();
            statement.execute("VACUUM ANALYZE hubspot_deals");
        }
    }
}
