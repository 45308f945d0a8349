package dev.hubspotetl.app.console;

import dev.hubspotetl.app.scan.ScanJobs;
import dev.hubspotetl.app.scan.ScanState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Polls the scan's {@code scan_jobs} row and draws its progress until the scan has finished, or until
 * local mode is stopping (Ctrl-C). On a terminal the line is redrawn in place; elsewhere a line is
 * printed every few seconds.
 */
public final class ScanWatcher {

    private static final Logger log = LoggerFactory.getLogger(ScanWatcher.class);
    private static final Duration PLAIN_LINE_INTERVAL = Duration.ofSeconds(2);

    private final ScanJobs scanJobs;
    private final PrintStream out;
    private final ConsoleStyle style;
    private final Duration pollInterval;
    private final BooleanSupplier stopping;

    public ScanWatcher(ScanJobs scanJobs, PrintStream out, ConsoleStyle style, Duration pollInterval,
                       BooleanSupplier stopping) {
        this.scanJobs = scanJobs;
        this.out = out;
        this.style = style;
        this.pollInterval = pollInterval;
        this.stopping = stopping;
    }

    /** The scan's final state; empty when local mode began stopping first. */
    public Optional<ScanState> watch(String scanId, OptionalLong expectedTotal) throws InterruptedException {
        ProgressBar bar = new ProgressBar(style);
        RateMeter rate = new RateMeter(Duration.ofSeconds(5));
        boolean waitingShown = false;
        long lastPlainLine = 0;
        int drawnWidth = 0;
        while (!stopping.getAsBoolean()) {
            Optional<ScanState> polled = poll(scanId);
            long now = System.nanoTime();
            if (polled.isEmpty()) {
                if (!waitingShown) {
                    out.println("Waiting for the pipeline to pick up scan " + scanId + " ...");
                    waitingShown = true;
                }
            } else {
                ScanState scan = polled.get();
                rate.record(now, scan.done());
                String line = bar.render(scan, expectedTotal, rate.perSecond());
                if (style.interactive()) {
                    out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
                    drawnWidth = line.length();
                    if (scan.finished()) {
                        out.println();
                    }
                    out.flush();
                } else if (scan.finished() || now - lastPlainLine >= PLAIN_LINE_INTERVAL.toNanos()) {
                    out.println(line);
                    lastPlainLine = now;
                }
                if (scan.finished()) {
                    return polled;
                }
            }
            Thread.sleep(pollInterval.toMillis());
        }
        if (drawnWidth > 0) {
            out.println();
        }
        return Optional.empty();
    }

    private Optional<ScanState> poll(String scanId) {
        try {
            return scanJobs.find(scanId);
        } catch (DataAccessException e) {
            if (!stopping.getAsBoolean()) {
                // The database may be restarting (a configured one); the pipeline retries, so does the bar.
                log.warn("Cannot read the progress of scan {} yet", scanId, e);
            }
            return Optional.empty();
        }
    }
}
