package dev.hubspotetl.loader.housekeeping;

import dev.hubspotetl.loader.config.LoaderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's data retention: completed scans older than the configured number of days are copied to
 * scan_jobs_archive (when configured) and deleted, their deals with them (ON DELETE CASCADE).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String OLD_COMPLETED =
            "status = 'completed' AND completed_at < CURRENT_DATE - make_interval(days => ?)";

    private final JdbcTemplate jdbc;
    private final LoaderProperties.Housekeeping settings;

    RetentionJob(JdbcTemplate jdbc, LoaderProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.loader().housekeeping();
    }

    @Scheduled(cron = "${etl.loader.housekeeping.retention-cron}")
    @Transactional
    public int removeOldScans() {
        if (settings.archiveBeforeDelete()) {
            jdbc.update("INSERT INTO scan_jobs_archive SELECT * FROM scan_jobs WHERE " + OLD_COMPLETED,
                    settings.retentionDays());
        }
        int removed = jdbc.update("DELETE FROM scan_jobs WHERE " + OLD_COMPLETED, settings.retentionDays());
        if (removed > 0) {
            log.info("Retention removed {} completed scan(s) older than {} days (archived first: {})", removed,
                    settings.retentionDays(), settings.archiveBeforeDelete());
        }
        return removed;
    }
}
