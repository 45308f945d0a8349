package dev.hubspotetl.loader.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedPostgres;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The fence that keeps a batch from being applied twice, against the real table. */
@IntegrationTest
class OffsetStoreIT {

    private static final TopicPartition P0 = new TopicPartition("deals", 0);
    private static final TopicPartition P1 = new TopicPartition("deals", 1);
    private static OffsetStore store;

    @BeforeAll
    static void migrate() {
        var dataSource = SharedPostgres.server().dataSource(SharedPostgres.newDatabase("offset_store"));
        Flyway.configure().dataSource(dataSource).load().migrate();
        store = new OffsetStore(new JdbcTemplate(dataSource));
    }

    @Test
    void shouldAdvanceOnlyPastWhatWasNotAppliedYet() {
        assertThat(store.nextOffsets("g", List.of(P0))).isEmpty();

        assertThat(store.claim("g", List.of(new PartitionRange(P0, 0, 99)))).isTrue();
        assertThat(store.nextOffsets("g", List.of(P0))).isEqualTo(Map.of(P0, 100L));

        assertThat(store.claim("g", List.of(new PartitionRange(P0, 0, 99)))).as("redelivered").isFalse();
        assertThat(store.claim("g", List.of(new PartitionRange(P0, 50, 150)))).as("overlapping").isFalse();
        assertThat(store.claim("g", List.of(new PartitionRange(P0, 102, 150))))
                .as("a gap left by a transaction marker").isTrue();
        assertThat(store.nextOffsets("g", List.of(P0))).isEqualTo(Map.of(P0, 151L));
    }

    @Test
    void shouldRefuseTheWholeBatchWhenOnePartitionWasApplied() {
        assertThat(store.claim("h", List.of(new PartitionRange(P1, 0, 9)))).isTrue();

        assertThat(store.claim("h", List.of(new PartitionRange(P0, 0, 9), new PartitionRange(P1, 5, 20)))).isFalse();
    }

    @Test
    void shouldKeepGroupsApart() {
        assertThat(store.claim("a", List.of(new PartitionRange(P0, 0, 9)))).isTrue();
        assertThat(store.claim("b", List.of(new PartitionRange(P0, 0, 9)))).isTrue();
    }
}
