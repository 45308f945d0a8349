package dev.hubspotetl.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries in io.zonky's jar, on a fixed port, with its data
 * directory kept between runs: a second start finds every earlier scan. The pipeline's tables live in
 * their own database ({@value #DATABASE}), created on first start; the loader migrates it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "hubspot_etl";
    public static final String USERNAME = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on {@code localhost:port} over {@code dataDir}, initializing it when new. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir.getParent());
            stopLeftover(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Stopped by the application in its own order (after the stages), not by zonky's hook.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            log.info("PostgreSQL started on localhost:{}, data directory {}", port, dataDir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL on port " + port
                    + " with data in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a PostgreSQL left running on {@code dataDir} by a run that was killed (SIGKILL) before it
     * could stop it; it would hold the port and the data directory. Call before checking the port.
     */
    public static void stopLeftover(Path dataDir) {
        OrphanedPostmaster.stopIfRunning(dataDir, Duration.ofSeconds(30));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USERNAME, DATABASE).replaceFirst("\\?.*$", "");
    }

    public String username() {
        return USERNAME;
    }

    /** The embedded server trusts local connections; the password is never checked. */
    public String password() {
        return USERNAME;
    }

    /** Fast shutdown: open connections are closed, committed work is on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            log.info("PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
                log.info("Created database {}", DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    /** Whether {@code dataDir} holds a database cluster already (a run before this one). */
    public static boolean initialized(Path dataDir) {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }
}
