package dev.hubspotetl.transformer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.RawTopicWriter;
import dev.hubspotetl.transformer.fixtures.TopicReader;
import dev.hubspotetl.transformer.topology.DealTopology;
import dev.hubspotetl.transformer.topology.TransformMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread that dies in the middle of a transaction, after it has already sent deals of
 * the page it was processing: the production runner replaces the thread, the transaction aborts,
 * the pages are processed again, and a read_committed reader sees every deal exactly once. A
 * read_uncommitted reader sees the aborted duplicates, which proves the crash happened mid-transaction.
 */
@IntegrationTest
class ExactlyOnceIT {

    private static final int PAGES = 60;
    private static final int DEALS_PER_PAGE = 50;

    @TempDir
    Path stateDir;

    @Test
    void shouldEmitEveryDealExactlyOnceWhenAStreamThreadDiesMidTransaction() {
        String raw = SharedKafka.uniqueTopic("eos.deals.raw");
        TopicNames names = new TopicNames(SharedKafka.uniqueTopic("eos.requests"),
                SharedKafka.uniqueTopic("eos.control"), raw, SharedKafka.uniqueTopic("eos.deals"),
                SharedKafka.uniqueTopic("eos.events"), SharedKafka.uniqueTopic("eos.dlq"));
        SharedKafka.createTopics(2, names.dealsRaw(), names.deals(), names.scanEvents(), names.dealsDlq());
        String applicationId = SharedKafka.uniqueTopic("transformer-eos");
        EtlProperties etl = new EtlProperties(names,
                new EtlProperties.Transformer(applicationId, 1, Duration.ofMillis(100), stateDir.toString(),
                        Duration.ofSeconds(10)),
                new EtlProperties.TopicDefaults(2, (short) 1));
        // dies after the deals of the 20th and the 45th page processed have been sent
        CrashingMetrics crashing = new CrashingMetrics(Set.of(20, 45));
        KafkaStreamsRunner runner = new KafkaStreamsRunner(DealTopology.build(Topics.from(names), crashing),
                StreamsSettings.from(etl, Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                        // a replaced thread rejoins as a new member: the dead one's partitions wait for its session
                        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000,
                        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000)),
                etl.transformer().closeTimeout(), new SimpleMeterRegistry());

        Set<String> expected = new HashSet<>();
        try (RawTopicWriter writer = new RawTopicWriter(raw);
             TopicReader<String, Deal> committed = new TopicReader<>(names.deals(), new StringDeserializer(),
                     new DealSerde(), IsolationLevel.READ_COMMITTED);
             TopicReader<String, Deal> uncommitted = new TopicReader<>(names.deals(), new StringDeserializer(),
                     new DealSerde(), IsolationLevel.READ_UNCOMMITTED)) {
            for (int page = 0; page < PAGES; page++) {
                List<ObjectNode> results = new ArrayList<>();
                for (int i = 0; i < DEALS_PER_PAGE; i++) {
                    String id = page + "-" + i;
                    results.add(RawPages.result(id));
                    expected.add("org-1:" + id);
                }
                writer.send(RawPages.page("scan-" + (page % 3), "org-1", page, results));
            }
            writer.flush();
            runner.start();

            // Kafka Streams handles its threads' deaths itself (REPLACE_THREAD); Awaitility must not fail on them
            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> RawTopicWriter.consumedEverything(applicationId, raw));

            List<ConsumerRecord<String, Deal>> deals = committed.readToEnd();
            assertThat(deals).hasSize(expected.size());
            assertThat(deals.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .isEqualTo(expected);
            assertThat(crashing.crashes.get()).isEqualTo(2);
            assertThat(uncommitted.readToEnd()).hasSizeGreaterThan(expected.size());
        } finally {
            runner.stop();
        }
    }

    /** Throws from inside the page processor, after the page's deals were forwarded, on chosen calls. */
    private static final class CrashingMetrics implements TransformMetrics {

        private final Set<Integer> crashOn;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger crashes = new AtomicInteger();

        CrashingMetrics(Set<Integer> crashOn) {
            this.crashOn = crashOn;
        }

        @Override
        public void dealsNormalized(int count) {
            if (crashOn.contains(calls.incrementAndGet())) {
                crashes.incrementAndGet();
                throw new IllegalStateException("simulated crash of the stream thread");
            }
        }

        @Override
        public void dealsFailed(int count) {
        }

        @Override
        public void pageDeadLettered(DeadLetterReason reason) {
        }
    }
}
