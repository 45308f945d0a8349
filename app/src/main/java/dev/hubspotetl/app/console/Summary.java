package dev.hubspotetl.app.console;

import dev.hubspotetl.app.scan.ScanState;
import dev.hubspotetl.app.scan.StageTotal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the summary reports about a finished scan and where to go next.
 *
 * @param scanId    the scan
 * @param scan      its final {@code scan_jobs} row
 * @param duration  from submitting the scan to seeing it finished
 * @param stages    the seed's count of deals and amount by stage
 * @param apiUrl    the API's root URL
 * @param apiKey    the API key local mode registered
 * @param dataDir   local mode's data directory
 * @param storage   where the data lives (the database and broker in use)
 * @param logFile   the log of every stage
 */
public record Summary(String scanId, ScanState scan, Duration duration, List<StageTotal> stages, String apiUrl,
                      String apiKey, Path dataDir, String storage, Path logFile) {

    public Summary {
        stages = List.copyOf(stages);
    }

    /** Deals that went all the way through (loaded or failed) per second of the scan's duration. */
    public double dealsPerSecond() {
        double seconds = duration.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : scan.done() / seconds;
    }
}
