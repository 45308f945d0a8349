package dev.hubspotetl.loader.config;

import dev.hubspotetl.schemas.kafka.TopicNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the loader can be tuned by, bound from {@code etl.*} with the defaults in
 * application.yml and checked at start-up.
 */
@Validated
@ConfigurationProperties("etl")
public record LoaderProperties(@NotNull TopicNames topics, @Valid @NotNull Loader loader,
                               @Valid @NotNull TopicDefaults topicDefaults) {

    /**
     * @param dealsGroupId     consumer group of the deals path; instances of one group share the partitions
     * @param scansGroupId     consumer group of scan requests, control commands and scan events
     * @param concurrency      consumer threads of the deals path in this instance
     * @param maxPollRecords   most deals in one database transaction
     * @param batchMinBytes    a deals fetch waits until this much is there (or {@code batchMaxWait} has
     *                         passed): while deals trickle in, fewer and fuller transactions
     * @param batchMaxWait     the longest a deals fetch waits for {@code batchMinBytes}
     * @param retryInitial     first back-off after a failed batch (PostgreSQL down, deadlock victim...)
     * @param retryMax         longest back-off; a failed batch is retried until it succeeds
     * @param metricsRefresh   how often the scans-by-status gauge reads scan_jobs
     */
    public record Loader(@NotBlank String dealsGroupId, @NotBlank String scansGroupId,
                         @Min(1) @Max(64) int concurrency, @Min(1) @Max(20_000) int maxPollRecords,
                         @NotNull DataSize batchMinBytes, @NotNull Duration batchMaxWait,
                         @NotNull Duration retryInitial, @NotNull Duration retryMax,
                         @NotNull Duration metricsRefresh, @Valid @NotNull Housekeeping housekeeping) {

        static final DataSize MOST_BATCH_MIN_BYTES = DataSize.ofMegabytes(64);
        static final Duration LONGEST_BATCH_MAX_WAIT = Duration.ofSeconds(10);

        public Loader {
            if (batchMinBytes != null && (batchMinBytes.toBytes() < 1
                    || batchMinBytes.compareTo(MOST_BATCH_MIN_BYTES) > 0)) {
                throw new IllegalArgumentException("etl.loader.batch-min-bytes must be from 1B to 64MB, was "
                        + batchMinBytes);
            }
            if (batchMaxWait != null && (batchMaxWait.isNegative()
                    || batchMaxWait.compareTo(LONGEST_BATCH_MAX_WAIT) > 0)) {
                throw new IllegalArgumentException("etl.loader.batch-max-wait must be from 0 to 10s, was "
                        + batchMaxWait);
            }
        }
    }

    /**
     * @param staleAfter          a running scan without any update for this long is failed
     * @param staleCheckInterval  how often to look for stale scans
     * @param retentionDays       completed scans older than this are removed with their deals
     * @param archiveBeforeDelete copy them to scan_jobs_archive first, as the seed shows
     * @param retentionCron       when retention runs ("-" disables it)
     */
    public record Housekeeping(@NotNull Duration staleAfter, @NotNull Duration staleCheckInterval,
                               @Min(1) int retentionDays, boolean archiveBeforeDelete,
                               @NotBlank String retentionCron) {
    }

    /** Partitions and replication of the topics the loader creates when they are missing. */
    public record TopicDefaults(@Min(1) int partitions, @Min(1) @Max(32767) int replicationFactor) {
    }
}
