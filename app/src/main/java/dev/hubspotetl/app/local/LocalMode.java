package dev.hubspotetl.app.local;

import dev.hubspotetl.app.cli.CliOptions;
import dev.hubspotetl.app.cli.UsageException;
import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.console.ConsoleStyle;
import dev.hubspotetl.app.console.Steps;
import dev.hubspotetl.app.console.Summary;
import dev.hubspotetl.app.console.SummaryPrinter;
import dev.hubspotetl.app.stages.Pipeline;
import dev.hubspotetl.app.stages.Stage;
import dev.hubspotetl.app.stages.StageConfiguration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code demo} and {@code run}: starts the infrastructure and the stages, submits a scan through the
 * API, draws its progress, prints the summary, then either stops ({@code --exit}) or keeps the API up
 * until Ctrl-C. A JVM shutdown hook stops everything in order, so Ctrl-C at any moment loses nothing:
 * the extractor checkpoints, the loader has committed what it consumed, the data stays on disk.
 */
public final class LocalMode {

    /** The scan completed. */
    public static final int COMPLETED = 0;
    /** The scan failed or was cancelled. */
    public static final int SCAN_NOT_COMPLETED = 1;
    /** Something could not start. */
    public static final int START_FAILED = 3;
    /** Stopped by Ctrl-C (the JVM is exiting through its shutdown hooks). */
    public static final int STOPPED = 130;

    private static final Logger log = LoggerFactory.getLogger(LocalMode.class);

    private final CliOptions options;
    private final PrintStream out;
    private final ConsoleStyle style;
    private final Path logFile;
    private final UserConfiguration user;
    private final LocalInfrastructure infrastructure;
    private final Pipeline pipeline = Pipeline.create();
    private final Steps steps;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object stopLock = new Object();
    private volatile boolean stopping;

    public LocalMode(CliOptions options, UserConfiguration user, PrintStream out, ConsoleStyle style, Path logFile) {
        this.options = options;
        this.user = user;
        this.out = out;
        this.style = style;
        this.logFile = logFile;
        this.infrastructure = new LocalInfrastructure(options, user);
        this.steps = new Steps(out);
    }

    /** Runs the command; returns its exit code once it is over, or {@link #STOPPED} after Ctrl-C. */
    public int run() throws InterruptedException {
        Thread hook = new Thread(this::stopOnSignal, "hubspot-etl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runUntilStopped();
        } finally {
            removeHook(hook);
        }
    }

    private int runUntilStopped() throws InterruptedException {
        LocalIdentity identity = LocalIdentity.of(options);
        Optional<Summary> summary;
        try {
            out.printf(Locale.ROOT, "HubSpot Deals ETL, local mode: %s (data in %s)%n", options.command().word(),
                    options.dataDir().toAbsolutePath().normalize());
            String credentialRef = infrastructure.credentialRef();
            infrastructure.start(steps);
            pipeline.start(stageConfiguration(identity), user, new StageSteps());
            summary = new ScanRun(identity, out, style).execute(pipeline, infrastructure, credentialRef,
                    options.batchSize(), options.dataDir(), logFile, () -> stopping);
        } catch (CancellationException e) {
            return awaitStopped();
        } catch (UsageException e) {
            stop();
            throw e;
        } catch (RuntimeException e) {
            if (stopping) {
                return awaitStopped();
            }
            log.error("Local mode could not run", e);
            out.println();
            out.println("Could not run: " + rootMessage(e));
            out.println("Details in " + logFile);
            stop();
            return START_FAILED;
        }
        if (summary.isEmpty()) {
            return awaitStopped();
        }
        new SummaryPrinter(out).print(summary.get());
        int code = summary.get().scan().completed() ? COMPLETED : SCAN_NOT_COMPLETED;
        if (options.exitAfterSummary()) {
            stop();
            return code;
        }
        out.println();
        out.printf(Locale.ROOT, "The API stays up at %s. Press Ctrl-C to stop; the data stays for the next run.%n",
                summary.get().apiUrl());
        return awaitStopped();
    }

    /** Stops the stages, then the infrastructure; idempotent, and safe from the shutdown hook. */
    public void stop() {
        // Seen at once by the progress loop and the start-up sequence; the lock makes a second caller
        // (Ctrl-C while --exit is already stopping) wait until everything has stopped.
        stopping = true;
        synchronized (stopLock) {
            if (stopped.getCount() == 0) {
                return;
            }
            try {
                pipeline.close(new StageSteps());
            } catch (RuntimeException e) {
                log.error("A stage did not stop cleanly", e);
            } finally {
                try {
                    infrastructure.close(steps);
                } catch (RuntimeException e) {
                    log.error("The infrastructure did not stop cleanly", e);
                } finally {
                    stopped.countDown();
                }
            }
        }
    }

    private void stopOnSignal() {
        if (stopped.getCount() == 0) {
            return;
        }
        out.println();
        out.println("Stopping; nothing is lost, the next run carries on where this one stopped.");
        stop();
        out.println("Stopped. Data kept in " + options.dataDir().toAbsolutePath().normalize());
        out.flush();
    }

    private int awaitStopped() throws InterruptedException {
        stopped.await();
        return STOPPED;
    }

    private StageConfiguration stageConfiguration(LocalIdentity identity) {
        return new StageConfiguration(options.springProperties(), infrastructure.embeddedKafka(),
                infrastructure.embeddedDatabase(), infrastructure.simulatedHubSpot(), options.demo() && options.fast(),
                options.dataDir(), apiPort(), identity.apiKey(), options.organization());
    }

    private int apiPort() {
        if (options.apiPort().isPresent()) {
            return options.apiPort().getAsInt();
        }
        return user.get("server.port").map(Integer::parseInt).orElse(8080);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(e.getMessage());
        return cause == e || cause.getMessage() == null || message.contains(cause.getMessage()) ? message
                : message + " (" + cause.getMessage() + ")";
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }

    /** Reports each stage's start and stop as a step on the console. */
    private final class StageSteps implements Pipeline.Listener {

        private long started;

        @Override
        public void starting(Stage stage) {
            steps.begin(String.format(Locale.ROOT, "%-11s (%s)", stage.displayName(),
                    stage.applicationClass().getSimpleName()));
            started = System.nanoTime();
        }

        @Override
        public void started(Stage stage) {
            steps.end(started);
        }

        @Override
        public void stopping(Stage stage) {
            steps.begin("Stopping the " + stage.displayName()
                    + (stage == Stage.EXTRACTOR ? " (it checkpoints running scans)" : ""));
            started = System.nanoTime();
        }

        @Override
        public void stopped(Stage stage, boolean cleanly) {
            if (cleanly) {
                steps.end(started);
            } else {
                steps.line("FAILED (see the log)");
            }
        }
    }
}
