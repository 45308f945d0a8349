package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.extractor.scan.ScanMetrics;
import dev.hubspotetl.extractor.scan.ScanRecords;
import dev.hubspotetl.extractor.scan.ScanRequestValidator;
import dev.hubspotetl.extractor.scan.ScanScheduler;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers each record of {@code hubspot.scan-requests} inside the listener container's Kafka
 * transaction, which also commits the record's offset: a request is accepted (RUNNING checkpoint and
 * EXTRACTION_STARTED), refused (FAILED checkpoint and EXTRACTION_FAILED saying what is wrong) or, if
 * its scan id is known already, ignored: exactly once. Accepted scans start after the commit.
 */
public final class ScanRequestListener implements MessageListener<String, ScanRequest> {

    private static final Logger log = LoggerFactory.getLogger(ScanRequestListener.class);

    private final KafkaTemplate<Object, Object> template;
    private final ScanTopics topics;
    private final CheckpointStore store;
    private final PartitionOwnership ownership;
    private final ScanRequestValidator validator;
    private final CancelRegistry cancels;
    private final ScanScheduler scheduler;
    private final ScanMetrics metrics;
    private final Clock clock;

    public ScanRequestListener(KafkaTemplate<Object, Object> template, ScanTopics topics, CheckpointStore store,
                               PartitionOwnership ownership, ScanRequestValidator validator, CancelRegistry cancels,
                               ScanScheduler scheduler, ScanMetrics metrics, Clock clock) {
        this.template = template;
        this.topics = topics;
        this.store = store;
        this.ownership = ownership;
        this.validator = validator;
        this.cancels = cancels;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onMessage(ConsumerRecord<String, ScanRequest> record) {
        ScanRequest request = record.value();
        if (request == null) {
            log.debug("Ignoring a tombstone at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (request.getScanId() == null || request.getScanId().isBlank()) {
            throw new UnanswerableRequestException("scan_id is blank: the request cannot be answered with a scan event");
        }
        String scanId = request.getScanId();
        int partition = record.partition();
        MDC.put("scan_id", scanId);
        try {
            log.debug("Scan request at {}-{}@{}", record.topic(), partition, record.offset());
            // Whether the scan id is new can only be told once the partition's checkpoints are read.
            ownership.ensureRestored(partition);
            if (store.knows(partition, scanId)) {
                log.warn("Ignoring scan request {}: a scan with this id was accepted before, and none runs twice",
                        scanId);
                metrics.scan("duplicate");
                return;
            }
            Instant now = clock.instant();
            List<String> problems = validator.problems(request);
            if (!problems.isEmpty()) {
                String message = "Invalid scan request: " + String.join("; ", problems);
                log.warn("Refusing scan {}: {}", scanId, message);
                answer(partition, ScanRecords.initial(request, ScanCheckpointState.FAILED, now),
                        ScanRecords.failed(scanId, request.getOrganizationId(), null, message, now), "rejected");
                return;
            }
            if (cancels.isCancelled(scanId)) {
                String reason = cancels.reason(scanId).orElse("Cancelled");
                answer(partition, ScanRecords.initial(request, ScanCheckpointState.CANCELLED, now),
                        ScanRecords.cancelled(scanId, request.getOrganizationId(), reason, now), "cancelled");
                return;
            }
            ScanCheckpoint accepted = ScanRecords.initial(request, ScanCheckpointState.RUNNING, now);
            answer(partition, accepted, ScanRecords.started(request, now), "accepted");
            afterCommit(() -> scheduler.submit(partition, scanId));
            log.info("Accepted scan {} ({} of organization {})", scanId, request.getMode(), request.getOrganizationId());
        } finally {
            MDC.remove("scan_id");
        }
    }

    private void answer(int partition, ScanCheckpoint checkpoint, ScanEvent event, String outcome) {
        template.send(new ProducerRecord<>(topics.scanEvents(), checkpoint.getScanId(), event));
        template.send(new ProducerRecord<>(topics.checkpoints(), partition, checkpoint.getScanId(), checkpoint));
        afterCommit(() -> {
            store.remember(partition, checkpoint);
            metrics.scan(outcome);
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Scan requests must be answered in a Kafka transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
