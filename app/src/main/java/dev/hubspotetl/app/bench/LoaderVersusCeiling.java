package dev.hubspotetl.app.bench;

import dev.hubspotetl.app.console.Steps;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The database half of the bench, run once the pipeline is closed (a database with open connections
 * cannot be copied): the ceiling for the scan's rows, then the loader alone over the same deals, then
 * the ceiling again. Each runs in its own copy of the database as the pipeline found it, and the
 * ceiling is the mean of the two around the loader, so a machine that got busier or quieter meanwhile
 * moves both sides of the ratio alike.
 */
final class LoaderVersusCeiling {

    /** What the database half measured. */
    record Outcome(OptionalDouble ceiling, List<Double> ceilingRuns, StageResult loaderAlone) {
    }

    private final EmbeddedPostgresServer postgres;
    private final Path runDir;
    private final Steps steps;
    private final PrintStream out;

    LoaderVersusCeiling(EmbeddedPostgresServer postgres, Path runDir, Steps steps, PrintStream out) {
        this.postgres = postgres;
        this.runDir = runDir;
        this.steps = steps;
        this.out = out;
    }

    /** Writes the scan's rows to a file for the ceiling; runs while the pipeline still holds connections. */
    DatabaseCeiling.Export export(String jobId) {
        return steps.run("Exporting the loaded rows for the ceiling", () -> {
            try {
                return DatabaseCeiling.export(postgres.jdbcUrl(), postgres.username(), postgres.password(), jobId,
                        runDir.resolve("ceiling.csv"));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Cannot export the loaded rows: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Ceiling, loader alone, ceiling. {@code loaderCommand} gives the loader process's command line for
     * the database copy it is to load into.
     */
    Outcome measure(DatabaseCeiling.Export export, LoaderAlone.Deals deals,
                    Function<String, List<String>> loaderCommand) throws SQLException, InterruptedException,
            IOException {
        try {
            System.gc(); // the closed pipeline's garbage, collected now rather than during the first load
            double before = ceiling(export, deals.jobId(), "bench_ceiling_before");
            StageResult loader = loaderAlone(deals, loaderCommand);
            double after = ceiling(export, deals.jobId(), "bench_ceiling_after");
            OptionalDouble mean = export.rows() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((before + after) / 2);
            out.printf(Locale.ROOT, "  ceiling %,.0f rows/s (mean of %,.0f and %,.0f)%n", mean.orElse(0), before,
                    after);
            return new Outcome(mean, List.of(before, after), loader);
        } finally {
            Files.deleteIfExists(export.file());
        }
    }

    private double ceiling(DatabaseCeiling.Export export, String jobId, String database) throws SQLException,
            InterruptedException {
        String url = copy(database, jobId);
        try {
            double rate = steps.run(String.format(Locale.ROOT, "Database ceiling (%,d rows, %d connections)",
                    export.rows(), DatabaseCeiling.CONNECTIONS), () -> {
                        try {
                            return DatabaseCeiling.load(export, url, postgres.username(), postgres.password());
                        } catch (Exception e) {
                            throw new IllegalStateException("Cannot measure the ceiling: " + e.getMessage(), e);
                        }
                    });
            out.printf(Locale.ROOT, "  %,.0f rows/s%n", rate);
            return rate;
        } finally {
            drop(database);
        }
    }

    private StageResult loaderAlone(LoaderAlone.Deals deals, Function<String, List<String>> loaderCommand)
            throws SQLException, InterruptedException {
        String database = "bench_loader";
        String url = copy(database, deals.jobIds());
        try {
            LoaderAlone.prepare(url, postgres.username(), postgres.password(), deals);
            Path heap = runDir.resolve("loader-alone.heap");
            List<String> command = loaderCommand.apply(url);
            return StageResult.measure(steps, out, "Loader", "deals", () -> LoaderAlone.run(command,
                    runDir.resolve("loader-alone.log"), heap, url, postgres.username(), postgres.password(), deals));
        } finally {
            drop(database);
        }
    }

    private String copy(String database, String jobId) throws SQLException, InterruptedException {
        return copy(database, List.of(jobId));
    }

    /** A copy of the pipeline's database without the rows of the scans with these row ids; returns its JDBC URL. */
    private String copy(String database, List<String> jobIds) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                DatabaseCeiling.createFreshCopy(adminUrl(), postgres.username(), postgres.password(),
                        EmbeddedPostgresServer.DATABASE, database);
                break;
            } catch (SQLException e) {
                // A connection of the closed pipeline may take a moment to go away.
                if (attempt >= 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
        String url = base() + database;
        DatabaseCeiling.removeRows(url, postgres.username(), postgres.password(), jobIds);
        // Every timed load starts from a fresh checkpoint: one falling due within a load (the copy and
        // the loads write a gigabyte of WAL) made the ceiling's two runs differ by up to a fifth.
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            DatabaseCeiling.checkpoint(connection);
        }
        return url;
    }

    private void drop(String database) throws SQLException {
        DatabaseCeiling.drop(adminUrl(), postgres.username(), postgres.password(), database);
    }

    private String adminUrl() {
        return base() + "postgres";
    }

    private String base() {
        String url = postgres.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1);
    }
}
