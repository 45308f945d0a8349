package dev.hubspotetl.extractor.config;

import java.time.Duration;

/**
 * {@code etl.extractor.*}: the extractor's own settings.
 *
 * @param maxConcurrentScans    scans that call HubSpot at the same time on this instance; more wait in line
 * @param checkpointTopic       the compacted topic of {@code ScanCheckpoint}s, extractor-internal
 * @param groupId               consumer group of the scan-request consumers; instances share it
 * @param transactionalIdPrefix prefix of every transactional.id this application uses
 * @param instanceId            this instance's name in transactional ids and logs; blank = host name plus a random suffix
 * @param requestConsumers      consumer threads on the request topic
 * @param transactionTimeout    transaction.timeout.ms of the producers: how long a crashed instance's
 *                              open transaction can hold back read_committed readers
 * @param restoreTimeout        longest wait for a checkpoint partition to become readable to its end
 * @param shutdownGrace         how long stopping waits for running scans to finish their page
 */
public record ExtractorProperties(int maxConcurrentScans, String checkpointTopic, String groupId,
                                  String transactionalIdPrefix, String instanceId, int requestConsumers,
                                  Duration transactionTimeout, Duration restoreTimeout, Duration shutdownGrace) {

    public ExtractorProperties {
        if (maxConcurrentScans < 1) {
            throw new IllegalArgumentException("etl.extractor.max-concurrent-scans must be at least 1, was "
                    + maxConcurrentScans);
        }
        if (checkpointTopic == null || !checkpointTopic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("etl.extractor.checkpoint-topic '" + checkpointTopic
                    + "' is not a valid Kafka topic name");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("etl.extractor.group-id must not be blank");
        }
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalArgumentException("etl.extractor.transactional-id-prefix must not be blank");
        }
        instanceId = instanceId == null ? "" : instanceId.strip();
        if (requestConsumers < 1) {
            throw new IllegalArgumentException("etl.extractor.request-consumers must be at least 1");
        }
        HubSpotProperties.requirePositive("etl.extractor.transaction-timeout", transactionTimeout);
        HubSpotProperties.requirePositive("etl.extractor.restore-timeout", restoreTimeout);
        HubSpotProperties.requirePositive("etl.extractor.shutdown-grace", shutdownGrace);
    }
}
