package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedKafka;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The extractor jar is killed with SIGKILL in the middle of a scan (its last page transaction possibly
 * open) and started again: the new instance fences the dead one, resumes from the last committed
 * checkpoint and finishes. read_committed readers see every page exactly once, HubSpot is asked again
 * for at most the one page that was in flight, and the properties are not discovered a second time.
 * A writer that died inside a transaction is fenced at once, not waited for until its timeout.
 */
@IntegrationTest
class ResumeAfterKillIT {

    private static final String REF = "portal-a";
    private static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(1_500).seed(21).noRateLimits().build());
        // 20 calls per second: the scan takes long enough to be killed in the middle of it.
        harness = new ExtractorHarness("resume").hubspot(hubspot, REF)
                .set("etl.extractor.instance-id", "resume-instance-1")
                .set("etl.hubspot.rate-limit.requests", 20)
                .set("etl.hubspot.rate-limit.window", "1s");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
    }

    @Test
    void shouldResumeAKilledScanWithoutFetchingOrPublishingAnyPageTwice() throws Exception {
        String scanId = "killed-mid-scan";
        int expectedPages = (hubspot.dataset().activeDeals().size() + BATCH - 1) / BATCH;
        long listCallsBefore = hubspot.stats().requests("list");
        long propertyCallsBefore = hubspot.stats().requests("properties");
        harness.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(BATCH).build());

        Process extractor = startJar();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> harness.pages(scanId).size() >= 20);
        } finally {
            extractor.destroyForcibly().waitFor();
        }
        AtomicInteger lastSeen = new AtomicInteger(-1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> {
            int now = harness.pages(scanId).size();
            return lastSeen.getAndSet(now) == now;
        });
        int publishedBeforeKill = harness.pages(scanId).size();
        assertThat(publishedBeforeKill).as("pages published before the kill").isBetween(20, expectedPages - 1);

        harness.start();
        ScanEvent completed = harness.awaitCompleted(scanId, Duration.ofSeconds(90));

        List<RawDealPage> pages = harness.pages(scanId);
        assertThat(pages).extracting(RawDealPage::getPageNumber)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, expectedPages).boxed().toList());
        List<String> ids = new ArrayList<>();
        for (RawDealPage page : pages.stream().sorted(Comparator.comparing(RawDealPage::getPageNumber)).toList()) {
            JSON.readTree(page.getBody()).path("results").forEach(deal -> ids.add(deal.path("id").asText()));
        }
        List<String> expected = hubspot.dataset().activeDeals().stream().map(SimulatedDeal::id).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(completed.getExtractedTotal()).isEqualTo((long) expected.size());
        List<ScanEvent> events = harness.events(scanId);
        assertThat(events).filteredOn(e -> e.getType() == ScanEventType.EXTRACTION_STARTED).hasSize(1);
        assertThat(events).filteredOn(e -> e.getType() == ScanEventType.EXTRACTION_COMPLETED).hasSize(1);
        assertThat(events).filteredOn(e -> e.getType() == ScanEventType.PAGE_EXTRACTED)
                .extracting(ScanEvent::getPageNumber)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, expectedPages).boxed().toList());
        assertThat(hubspot.stats().requests("list") - listCallsBefore)
                .as("list calls: each page once, plus the one in flight").isBetween((long) expectedPages,
                        (long) expectedPages + 1);
        assertThat(hubspot.stats().requests("properties") - propertyCallsBefore).as("properties discovered once")
                .isEqualTo(1);
    }

    @Test
    void shouldFenceACrashedWritersOpenTransactionInsteadOfWaitingForItsTimeout() throws Exception {
        String scanId = "zombie-held";
        try (ExtractorHarness second = new ExtractorHarness("zombie").hubspot(hubspot, REF)
                .set("etl.hubspot.rate-limit.requests", 20).set("etl.hubspot.rate-limit.window", "1s")) {
            second.send(Requests.full(scanId, ExtractorHarness.ORG, REF).setBatchSize(BATCH).build());
            ConfigurableApplicationContext first = second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> second.pages(scanId).size() >= 3);
            first.close();
            int partition;
            try (RecordCollector<String, ScanCheckpoint> checkpoints =
                         RecordCollector.committed(second.checkpointTopic, new ScanCheckpointSerde())) {
                partition = checkpoints.awaitCaughtUp().records().get(0).partition();
            }

            // A writer of the scan that died inside a transaction: it stays open for two minutes.
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, second.transactionalIdPrefix() + "scan-" + scanId,
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000);
            try (KafkaProducer<String, byte[]> zombie = new KafkaProducer<>(config, new StringSerializer(),
                    new ByteArraySerializer())) {
                zombie.initTransactions();
                zombie.beginTransaction();
                zombie.send(new ProducerRecord<>(second.topics.dealsRaw(), scanId, "zombie page".getBytes()));
                zombie.send(new ProducerRecord<>(second.checkpointTopic, partition, scanId, "zombie".getBytes()));
                zombie.flush();

                long restart = System.nanoTime();
                second.start();
                ScanEvent completed = second.awaitCompleted(scanId, Duration.ofSeconds(60));

                assertThat(Duration.ofNanos(System.nanoTime() - restart)).as("resumed long before the zombie's timeout")
                        .isLessThan(Duration.ofSeconds(60));
                assertThat(completed.getExtractedTotal()).isEqualTo(hubspot.dataset().activeDeals().size());
                int pages = (hubspot.dataset().activeDeals().size() + BATCH - 1) / BATCH;
                assertThat(second.pages(scanId)).extracting(RawDealPage::getPageNumber)
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, pages).boxed().toList());
                assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class);
            }
        }
    }

    private static Process startJar() throws Exception {
        String jar = System.getProperty("etl.extractor.jar", "target/extractor.jar");
        assertThat(new File(jar)).as("the packaged extractor").exists();
        Path log = Path.of("target", "resume-after-kill-extractor.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar));
        command.addAll(harness.arguments());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
