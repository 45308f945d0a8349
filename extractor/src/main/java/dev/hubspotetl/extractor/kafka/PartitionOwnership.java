package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.extractor.scan.ScanScheduler;
import dev.hubspotetl.schemas.ScanCheckpoint;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Ties a scan's resume to the consumer group: whoever is assigned request partition p owns the scans
 * whose checkpoints are on checkpoint partition p. On assignment the partition's checkpoints are read
 * and its RUNNING scans resumed; on revocation (or loss) its scans are released and waited for, so
 * that the next owner starts where they stopped.
 */
public final class PartitionOwnership implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

    private final CheckpointStore store;
    private final ScanProducers producers;
    private final ScanScheduler scheduler;
    private final Duration grace;

    public PartitionOwnership(CheckpointStore store, ScanProducers producers, ScanScheduler scheduler,
                              Duration grace) {
        this.store = store;
        this.producers = producers;
        this.scheduler = scheduler;
        this.grace = grace;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition assigned : partitions) {
            try {
                restore(assigned.partition());
            } catch (RuntimeException e) {
                // The request listener restores the partition before it answers a request from it.
                log.error("Cannot restore checkpoint partition {} now; retrying with its next request",
                        assigned.partition(), e);
            }
        }
    }

    /** Restores the partition's checkpoints and resumes its RUNNING scans, unless that is done already. */
    void ensureRestored(int partition) {
        if (!store.isOpen(partition)) {
            restore(partition);
        }
    }

    private void restore(int partition) {
        List<ScanCheckpoint> running = store.open(partition, scanIds -> {
            // A crashed owner's open transaction holds the partition back until it times out,
            // unless its scans are fenced now.
            log.info("Checkpoint partition {} is held back by an open transaction; fencing {} scans",
                    partition, scanIds.size());
            scanIds.forEach(scanId -> producers.fence(scanId, partition));
        });
        running.forEach(checkpoint -> scheduler.submit(partition, checkpoint.getScanId()));
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    private void release(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
        scheduler.release(numbers, grace);
        numbers.forEach(store::close);
        log.info("Released request partitions {}", numbers);
    }
}
