package dev.hubspotetl.loader.offsets;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loader's consumer pattern: a batch's effects and its offsets commit in one PostgreSQL
 * transaction, so each record is applied exactly once whatever crashes or rebalances happen. A batch
 * that was applied already (see {@link OffsetStore#claim}) is rolled back and the consumer seeks to
 * the stored offsets. Any exception rolls back and reaches the container's error handler, which
 * backs off and redelivers the batch.
 *
 * @param <R> what a committed batch leaves for {@link #afterCommit}
 */
public abstract class ExactlyOnceBatchListener<R> implements BatchConsumerAwareMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceBatchListener.class);

    private final TransactionTemplate transactions;
    private final OffsetStore offsets;
    private final DatabaseOffsetsRebalanceListener seeker;
    private final String group;

    protected ExactlyOnceBatchListener(TransactionTemplate transactions, OffsetStore offsets, String group) {
        this.transactions = transactions;
        this.offsets = offsets;
        this.group = group;
        this.seeker = new DatabaseOffsetsRebalanceListener(offsets, group);
    }

    /** Seeks newly assigned partitions to the stored offsets; give it to the container. */
    public DatabaseOffsetsRebalanceListener rebalanceListener() {
        return seeker;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        if (records.isEmpty()) {
            return;
        }
        List<PartitionRange> ranges = PartitionRange.of(records);
        R result = transactions.execute(status -> {
            if (!offsets.claim(group, ranges)) {
                status.setRollbackOnly();
                return null;
            }
            return applyInTransaction(records);
        });
        if (result == null) {
            log.info("Batch {} of group {} was applied already; seeking to the stored offsets", ranges, group);
            seeker.seekToStored(consumer, ranges.stream().map(PartitionRange::partition).toList());
            return;
        }
        afterCommit(result);
    }

    /** Applies the records; runs in the transaction that also advances their offsets. Never null. */
    protected abstract R applyInTransaction(List<ConsumerRecord<byte[], byte[]>> records);

    /** Runs once the batch's transaction has committed. */
    protected abstract void afterCommit(R result);
}
