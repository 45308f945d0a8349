package dev.hubspotetl.app.e2e;

import dev.hubspotetl.app.embedded.EmbeddedKafkaBroker;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import dev.hubspotetl.app.stages.StageConfiguration.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One KRaft broker and one PostgreSQL server for every end-to-end test class of this JVM, started on
 * first use and stopped when the JVM exits. Test classes keep apart by their own topics, group ids and
 * database ({@link #newDatabase}). The app module's own embedded parts are used: test-support is not on
 * this module's classpath.
 */
final class E2eInfrastructure {

    private static E2eInfrastructure instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final Path root;

    private E2eInfrastructure(Path root) {
        this.root = root;
        this.postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), freePort());
        this.kafka = EmbeddedKafkaBroker.start(root.resolve("kafka"), freePort());
    }

    static synchronized E2eInfrastructure get() {
        if (instance == null) {
            try {
                instance = new E2eInfrastructure(Files.createTempDirectory("hubspot-etl-e2e"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            E2eInfrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "e2e-infrastructure-stop"));
        }
        return instance;
    }

    /** Stops the broker, then PostgreSQL, and deletes their data. */
    private void stop() {
        kafka.close();
        postgres.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A fresh, empty database on the shared server; the loader migrates it. */
    Database newDatabase(String name) {
        adminJdbc().sql("CREATE DATABASE " + name).update();
        String url = postgres.jdbcUrl().replaceFirst("/" + EmbeddedPostgresServer.DATABASE + "$", "/" + name);
        return new Database(url, postgres.username(), postgres.password());
    }

    /** A directory of its own for one test class (transformer state, instance ids). */
    Path newDirectory(String name) {
        try {
            return Files.createDirectories(root.resolve("classes").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JdbcClient adminJdbc() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        return JdbcClient.create(dataSource);
    }

    static JdbcClient jdbc(Database database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return JdbcClient.create(dataSource);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
