package dev.hubspotetl.loader.offsets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Starts every newly assigned partition where the database says the loader stopped: its stored
 * next offset, or the beginning of the partition when nothing of it was ever applied. Kafka's own
 * committed offsets are only informative (lag metrics).
 */
public final class DatabaseOffsetsRebalanceListener implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOffsetsRebalanceListener.class);

    private final OffsetStore offsets;
    private final String group;

    public DatabaseOffsetsRebalanceListener(OffsetStore offsets, String group) {
        this.offsets = offsets;
        this.group = group;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        seekToStored(consumer, partitions);
    }

    /** Also used after a batch turned out to be applied already. */
    public void seekToStored(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = offsets.nextOffsets(group, partitions);
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp);
            if (next == null) {
                fresh.add(tp);
            } else {
                consumer.seek(tp, next);
            }
        }
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
        log.info("Group {} resumes {} from the database ({} from the beginning)", group, stored, fresh);
    }
}
