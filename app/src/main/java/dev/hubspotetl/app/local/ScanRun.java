package dev.hubspotetl.app.local;

import dev.hubspotetl.app.console.ConsoleStyle;
import dev.hubspotetl.app.console.ScanWatcher;
import dev.hubspotetl.app.console.Summary;
import dev.hubspotetl.app.scan.ScanJobs;
import dev.hubspotetl.app.scan.ScanState;
import dev.hubspotetl.app.scan.ScanSubmitter;
import dev.hubspotetl.app.stages.Pipeline;
import dev.hubspotetl.app.stages.Stage;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One scan through the running pipeline, the way a client runs it: submitted with
 * {@code POST /api/v1/scans}, followed in {@code scan_jobs} until it has finished, then summarized.
 */
final class ScanRun {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final LocalIdentity identity;
    private final PrintStream out;
    private final ConsoleStyle style;

    ScanRun(LocalIdentity identity, PrintStream out, ConsoleStyle style) {
        this.identity = identity;
        this.out = out;
        this.style = style;
    }

    /** The summary of the finished scan; empty when local mode began stopping first. */
    Optional<Summary> execute(Pipeline pipeline, LocalInfrastructure infrastructure, String credentialRef,
                              int batchSize, Path dataDir, Path logFile, BooleanSupplier stopping)
            throws InterruptedException {
        ScanJobs scanJobs = new ScanJobs(pipeline.dataSource());
        reportEarlierScans(scanJobs);
        String apiUrl = "http://localhost:" + pipeline.apiPort();
        long submitted = System.nanoTime();
        new ScanSubmitter(URI.create(apiUrl), identity.apiKey()).submit(identity.scanId(), credentialRef, batchSize);
        out.printf(Locale.ROOT, "Scan %s submitted through the API at %s; HubSpot: %s%n", identity.scanId(), apiUrl,
                infrastructure.hubspotDescription());
        Optional<ScanState> finished = new ScanWatcher(scanJobs, out, style, POLL_INTERVAL, stopping)
                .watch(identity.scanId(), infrastructure.expectedDeals());
        Duration duration = Duration.ofNanos(System.nanoTime() - submitted);
        return finished.map(scan -> new Summary(identity.scanId(), scan, duration, scanJobs.dealsByStage(scan.jobId()),
                apiUrl, identity.apiKey(), dataDir, storage(pipeline, infrastructure), logFile));
    }

    private void reportEarlierScans(ScanJobs scanJobs) {
        Map<String, Long> earlier = scanJobs.scansByStatus();
        long total = earlier.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            out.printf(Locale.ROOT, "The database holds %d earlier scan(s): %s%s%n", total, earlier,
                    earlier.containsKey("running") || earlier.containsKey("pending")
                            ? "; unfinished ones carry on from their checkpoints" : "");
        }
    }

    private static String storage(Pipeline pipeline, LocalInfrastructure infrastructure) {
        return "PostgreSQL " + pipeline.property(Stage.LOADER, "spring.datasource.url")
                + (infrastructure.embeddedDatabase().isPresent() ? " (embedded)" : "")
                + ", Kafka " + pipeline.property(Stage.LOADER, "spring.kafka.bootstrap-servers")
                + (infrastructure.embeddedKafka().isPresent() ? " (embedded)" : "");
    }
}
