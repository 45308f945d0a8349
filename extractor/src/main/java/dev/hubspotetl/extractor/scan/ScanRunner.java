package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.hubspot.Pauses;
import dev.hubspotetl.extractor.hubspot.ScanStoppedException;
import dev.hubspotetl.extractor.kafka.CheckpointStore;
import dev.hubspotetl.extractor.kafka.ScanProducers;
import dev.hubspotetl.extractor.kafka.ScanTransaction;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Starts (or resumes) one scan: open its transactional producer, which fences every other writer of
 * the scan, then read its checkpoint partition to the end, so that the run starts from exactly the
 * last committed page. A Kafka failure restarts the run that way, after a pause; being fenced means
 * another instance owns the scan now, and this one lets go.
 */
public final class ScanRunner {

    private static final Logger log = LoggerFactory.getLogger(ScanRunner.class);
    private static final Duration KAFKA_RETRY_PAUSE = Duration.ofSeconds(2);

    private final ScanProducers producers;
    private final CheckpointStore store;
    private final ScanExecution execution;
    private final Duration kafkaRetryPause;

    ScanRunner(ScanProducers producers, CheckpointStore store, ScanExecution execution, Duration kafkaRetryPause) {
        this.producers = producers;
        this.store = store;
        this.execution = execution;
        this.kafkaRetryPause = kafkaRetryPause;
    }

    /** A runner whose scans fetch through {@code client} and publish through {@code producers}. */
    public static ScanRunner create(ScanProducers producers, CheckpointStore store, Credentials credentials,
                                    HubSpotClient client, CancelRegistry cancels, ScanMetrics metrics, Clock clock,
                                    int maxUrlLength, int maxSearchBodyChars) {
        PageFetcher fetcher = new PageFetcher(client, maxSearchBodyChars, clock);
        ScanExecution execution = new ScanExecution(credentials, client, fetcher, cancels, metrics, clock,
                maxUrlLength);
        return new ScanRunner(producers, store, execution, KAFKA_RETRY_PAUSE);
    }

    void run(ScanHandle handle) {
        MDC.put("scan_id", handle.scanId());
        try {
            while (!handle.released()) {
                try (ScanTransaction transaction = producers.open(handle.scanId(), handle.partition())) {
                    Optional<ScanCheckpoint> latest = store.catchUp(handle.partition(), handle.scanId());
                    if (latest.isEmpty() || latest.get().getState() != ScanCheckpointState.RUNNING) {
                        log.debug("Scan {} has nothing to run: {}", handle.scanId(),
                                latest.map(c -> c.getState().toString()).orElse("not on an owned partition"));
                        return;
                    }
                    execution.run(latest.get(), transaction, handle);
                    return;
                } catch (ProducerFencedException | InvalidProducerEpochException e) {
                    log.warn("Scan {} was taken over by another extractor instance; letting go", handle.scanId(), e);
                    return;
                } catch (KafkaException e) {
                    log.warn("Kafka failed during scan {}; resuming from its last committed checkpoint in {}",
                            handle.scanId(), kafkaRetryPause, e);
                    Pauses.sleep(kafkaRetryPause, handle::released);
                }
            }
        } catch (ScanStoppedException e) {
            log.debug("Scan {} released", handle.scanId());
        } finally {
            MDC.remove("scan_id");
        }
    }
}
