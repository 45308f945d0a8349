package dev.hubspotetl.transformer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.transformer.fixtures.BenchmarkReport;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.RawTopicWriter;
import dev.hubspotetl.transformer.fixtures.TopicReader;
import dev.hubspotetl.transformer.topology.DealTopology;
import dev.hubspotetl.transformer.topology.TransformMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Deals per second normalized by ONE stream thread with the production settings (exactly_once_v2,
 * commit interval 100 ms) against the real (in-JVM KRaft) broker. The raw topic is filled first; the
 * rate is measured from the first committed offset to the last, so start-up and the first rebalance
 * are excluded (and reported separately). Broker, producer and stream thread share the machine.
 */
class StreamThroughputBenchmark {

    private static final int PAGES = 1_000;
    private static final int DEALS_PER_PAGE = 100;
    private static final int PARTITIONS = 6;

    @Test
    void printDealsPerSecondOfOneStreamThread() throws Exception {
        TopicNames names = new TopicNames(SharedKafka.uniqueTopic("bench.requests"),
                SharedKafka.uniqueTopic("bench.control"), SharedKafka.uniqueTopic("bench.deals.raw"),
                SharedKafka.uniqueTopic("bench.deals"), SharedKafka.uniqueTopic("bench.events"),
                SharedKafka.uniqueTopic("bench.dlq"));
        SharedKafka.createTopics(PARTITIONS, names.dealsRaw(), names.deals(), names.scanEvents(), names.dealsDlq());
        String applicationId = SharedKafka.uniqueTopic("transformer-bench");
        Path stateDir = Files.createTempDirectory("transformer-bench");

        try (RawTopicWriter writer = new RawTopicWriter(names.dealsRaw())) {
            for (int page = 0; page < PAGES; page++) {
                List<ObjectNode> results = new ArrayList<>(DEALS_PER_PAGE);
                for (int i = 0; i < DEALS_PER_PAGE; i++) {
                    results.add(RawPages.realisticResult(page * 1_000L + i));
                }
                writer.send(RawPages.page("scan-" + (page % 12), "org-bench", page, results));
            }
            writer.flush();
        }

        EtlProperties etl = new EtlProperties(names,
                new EtlProperties.Transformer(applicationId, 1, Duration.ofMillis(100), stateDir.toString(),
                        Duration.ofSeconds(30)),
                new EtlProperties.TopicDefaults(PARTITIONS, (short) 1));
        KafkaStreamsRunner runner = new KafkaStreamsRunner(
                DealTopology.build(Topics.from(names), TransformMetrics.NONE),
                StreamsSettings.from(etl,
                        Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers())),
                etl.transformer().closeTimeout(), new SimpleMeterRegistry());

        long started = System.nanoTime();
        AtomicLong firstProgressAt = new AtomicLong();
        AtomicLong pagesAtFirstProgress = new AtomicLong();
        runner.start();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                long committed = RawTopicWriter.committedRecords(applicationId);
                if (committed > 0 && firstProgressAt.get() == 0) {
                    firstProgressAt.set(System.nanoTime());
                    pagesAtFirstProgress.set(committed);
                }
                return committed == PAGES;
            });
        } finally {
            runner.stop();
            FileSystemUtils.deleteRecursively(stateDir);
        }
        long finished = System.nanoTime();

        long measuredDeals = (PAGES - pagesAtFirstProgress.get()) * DEALS_PER_PAGE;
        double seconds = (finished - firstProgressAt.get()) / 1e9;
        double total = (finished - started) / 1e9;
        BenchmarkReport report = new BenchmarkReport("stream-throughput");
        report.line("Transformer throughput, 1 stream thread, exactly_once_v2, commit 100 ms, in-JVM KRaft broker,"
                + " %d partitions, %d pages x %d deals", PARTITIONS, PAGES, DEALS_PER_PAGE);
        report.line("  steady state: %,d deals in %.2f s = %,.0f deals/s", measuredDeals, seconds,
                measuredDeals / seconds);
        report.line("  with start-up and first rebalance: %,d deals in %.2f s = %,.0f deals/s",
                (long) PAGES * DEALS_PER_PAGE, total, PAGES * DEALS_PER_PAGE / total);

        try (TopicReader<String, Deal> deals = new TopicReader<>(names.deals(), new StringDeserializer(),
                new DealSerde(), IsolationLevel.READ_COMMITTED)) {
            int emitted = deals.readToEnd().size();
            report.line("  verified: %,d deals committed on the output topic", emitted);
            assertThat(emitted).isEqualTo(PAGES * DEALS_PER_PAGE);
        }
        report.save();
    }
}
