package dev.hubspotetl.loader.housekeeping;

import dev.hubspotetl.loader.config.LoaderProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fails scans that have not moved for too long: a running one (an extractor that died without a
 * word, a page lost upstream) or a pending one that no extractor ever started (a request lost
 * between the API and Kafka). Every event and every loaded batch touches scan_jobs.updated_at, so an
 * open scan whose updated_at is old has stalled. Safe to run on every loader instance at once.
 */
@Component
public class StaleScanDetector {

    private static final Logger log = LoggerFactory.getLogger(StaleScanDetector.class);

    private final JdbcTemplate jdbc;
    private final Duration staleAfter;

    StaleScanDetector(JdbcTemplate jdbc, LoaderProperties properties) {
        this.jdbc = jdbc;
        this.staleAfter = properties.loader().housekeeping().staleAfter();
    }

    @Scheduled(fixedDelayString = "${etl.loader.housekeeping.stale-check-interval}")
    public int failStaleScans() {
        int failed = jdbc.update("""
                UPDATE scan_jobs
                SET status = 'failed', completed_at = CURRENT_TIMESTAMP,
                    error_message = CASE WHEN status = 'pending' THEN 'Not started within ' ELSE 'No progress for ' END
                        || ? || ': marked failed by the stale-scan detector'
                WHERE status IN ('pending', 'running') AND updated_at < CURRENT_TIMESTAMP - make_interval(secs => ?)""",
                staleAfter.toString(), staleAfter.toSeconds());
        if (failed > 0) {
            log.warn("Failed {} scan(s) without progress for {}", failed, staleAfter);
        }
        return failed;
    }
}
