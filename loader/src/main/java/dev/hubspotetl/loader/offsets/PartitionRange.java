package dev.hubspotetl.loader.offsets;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** The offsets of one partition that a batch covers. */
public record PartitionRange(TopicPartition partition, long firstOffset, long lastOffset) {

    /** One range per partition of the batch, in the order partitions first appear. */
    public static List<PartitionRange> of(Collection<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, long[]> bounds = new LinkedHashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            long[] range = bounds.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    tp -> new long[] {record.offset(), record.offset()});
            range[0] = Math.min(range[0], record.offset());
            range[1] = Math.max(range[1], record.offset());
        }
        return bounds.entrySet().stream()
                .map(e -> new PartitionRange(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
