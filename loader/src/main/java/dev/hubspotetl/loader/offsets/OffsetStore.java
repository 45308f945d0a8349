package dev.hubspotetl.loader.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The loader's consumed offsets, kept in PostgreSQL beside the rows they produced (loader_offsets).
 *
 * <p>{@link #claim} advances a partition's offset only if nobody has gone past the batch's first
 * offset: a consumer that lost its partition in a rebalance and commits late finds its successor's
 * offset ahead of its batch and rolls back, instead of applying the records a second time.
 */
@Repository
public class OffsetStore {

    private static final String CLAIM = """
            INSERT INTO loader_offsets (consumer_group, topic, partition_id, next_offset)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (consumer_group, topic, partition_id) DO UPDATE
              SET next_offset = EXCLUDED.next_offset, updated_at = CURRENT_TIMESTAMP
              WHERE loader_offsets.next_offset <= ?""";

    private final JdbcTemplate jdbc;

    OffsetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored next offsets of those partitions that have one. */
    public Map<TopicPartition, Long> nextOffsets(String group, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            List<Long> found = jdbc.queryForList("""
                    SELECT next_offset FROM loader_offsets
                    WHERE consumer_group = ? AND topic = ? AND partition_id = ?""",
                    Long.class, group, tp.topic(), tp.partition());
            if (!found.isEmpty()) {
                offsets.put(tp, found.get(0));
            }
        }
        return offsets;
    }

    /**
     * Within the caller's transaction, records that the ranges are applied. Returns false when any of
     * them was applied already (by this consumer before a redelivery, or by another one): the caller
     * must roll back and seek to the stored offsets.
     */
    public boolean claim(String group, List<PartitionRange> ranges) {
        List<Object[]> args = ranges.stream().map(r -> new Object[] {group, r.partition().topic(),
                r.partition().partition(), r.lastOffset() + 1, r.firstOffset()}).toList();
        int[] counts = jdbc.batchUpdate(CLAIM, args);
        for (int count : counts) {
            if (count == 0) {
                return false;
            }
        }
        return true;
    }
}
