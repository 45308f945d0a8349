package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanEvent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producer of one scan. Its transactional.id is derived from the scan id, so that
 * whoever opens it next (this instance after a failure, or another one after a rebalance or a crash)
 * fences this one and completes or aborts its last transaction first. Every commit writes the scan's
 * new checkpoint together with what it covers: a page is published exactly when its checkpoint is.
 */
public final class ScanTransaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScanTransaction.class);

    private final Producer<String, Object> producer;
    private final ScanTopics topics;
    private final String scanId;
    private final int partition;

    ScanTransaction(Producer<String, Object> producer, ScanTopics topics, String scanId, int partition) {
        this.producer = producer;
        this.topics = topics;
        this.scanId = scanId;
        this.partition = partition;
    }

    /**
     * Publishes {@code page} (may be null), the events and the checkpoint atomically.
     *
     * @throws ProducerFencedException if another instance has taken the scan over
     * @throws KafkaException          if the transaction could not be committed; it is aborted
     */
    public void commit(RawPage page, List<ScanEvent> events, ScanCheckpoint checkpoint) {
        producer.beginTransaction();
        try {
            if (page != null) {
                producer.send(new ProducerRecord<>(topics.dealsRaw(), scanId, page));
            }
            for (ScanEvent event : events) {
                producer.send(new ProducerRecord<>(topics.scanEvents(), scanId, event));
            }
            // The checkpoint lives on the partition number of the scan's request, so that the consumer
            // that owns the request partition owns the scan's resume as well.
            producer.send(new ProducerRecord<>(topics.checkpoints(), partition, scanId, checkpoint));
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (KafkaException e) {
            abortQuietly(e);
            throw e;
        }
    }

    private void abortQuietly(KafkaException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            cause.addSuppressed(e);
            log.debug("Abort after a failed commit failed too; the next open of scan {} resolves it", scanId, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
