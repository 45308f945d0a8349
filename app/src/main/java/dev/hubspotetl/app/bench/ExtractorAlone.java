package dev.hubspotetl.app.bench;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The extractor alone: a {@link StageMain} process scans the same simulated portal (rate limits off)
 * into topics of its own, under a consumer group and transactional ids of its own, while nothing else
 * runs. Its rate is taken as in the pipeline, from its scan events; its scan must extract exactly the
 * deals the timed scan loaded.
 */
final class ExtractorAlone {

    static final String PREFIX = "hubspot-etl-bench.alone.";
    static final String REQUESTS = PREFIX + "scan-requests";
    static final String CONTROL = PREFIX + "scan-control";
    static final String RAW = PREFIX + "deals-raw";
    static final String CHECKPOINTS = PREFIX + "extractor-checkpoints";
    private static final long STALL_MILLIS = 120_000;

    private ExtractorAlone() {
    }

    /** The properties that point the extractor at its own group, transactions and topics. */
    static Map<String, String> properties() {
        return Map.of("etl.topics.scan-requests", REQUESTS, "etl.topics.scan-control", CONTROL,
                "etl.topics.deals-raw", RAW, "etl.topics.scan-events", TransformerAlone.EVENTS,
                "etl.topics.deals-dlq", TransformerAlone.DEAD_LETTERS, "etl.extractor.checkpoint-topic", CHECKPOINTS,
                "etl.extractor.group-id", "hubspot-etl-bench-extractor-alone",
                "etl.extractor.transactional-id-prefix", "hubspot-etl-bench-extractor-alone-");
    }

    /** The scan the extractor alone runs: the timed scan's settings under another id. */
    static ScanRequest request(String scanId, String organization, String credentialRef, int batchSize) {
        return ScanRequest.newBuilder().setScanId(scanId).setOrganizationId(organization).setScanType("deals")
                .setMode("full").setCredentialRef(credentialRef).setBatchSize(batchSize).setProperties(List.of())
                .setIncludeArchived(false).setIncludeAssociations(false).setSince(null)
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setRequestedBy("bench").build();
    }

    static StageResult run(String bootstrapServers, ScanRequest request, long deals, List<String> command, Path log,
                           Path heapReport) throws IOException, InterruptedException {
        try {
            BenchTopics.createMissing(bootstrapServers, List.of(REQUESTS, CONTROL, RAW, CHECKPOINTS,
                    TransformerAlone.EVENTS, TransformerAlone.DEAD_LETTERS));
            publish(bootstrapServers, request);
        } catch (ExecutionException | TimeoutException e) {
            return StageResult.failed("cannot prepare its topics and request: " + e.getMessage());
        }
        String scanId = request.getScanId();
        try (TopicObserver events = TopicObserver.events(bootstrapServers, TransformerAlone.EVENTS);
             AloneProcess process = AloneProcess.start(command, log, heapReport)) {
            long lastChange = System.currentTimeMillis();
            int lastCount = 0;
            while (true) {
                if (process.exited().isPresent()) {
                    return StageResult.failed(process.exited().get());
                }
                List<ScanEvent> mine = events.events().stream().filter(e -> scanId.equals(e.getScanId())).toList();
                Optional<ScanEvent> end = mine.stream().filter(e -> e.getType() == ScanEventType.EXTRACTION_COMPLETED
                        || e.getType() == ScanEventType.EXTRACTION_FAILED).findFirst();
                if (end.isPresent()) {
                    OptionalLong heap = process.stop();
                    if (end.get().getType() == ScanEventType.EXTRACTION_FAILED) {
                        return new StageResult(OptionalDouble.empty(), heap, 0,
                                "its scan failed: " + end.get().getErrorMessage());
                    }
                    long extracted = end.get().getExtractedTotal() == null ? -1 : end.get().getExtractedTotal();
                    OptionalDouble rate = StageRates.extractor(mine, scanId);
                    return extracted == deals ? new StageResult(rate, heap, extracted, null)
                            : new StageResult(OptionalDouble.empty(), heap, extracted,
                                    "extracted " + extracted + " deals, expected " + deals);
                }
                long now = System.currentTimeMillis();
                if (mine.size() != lastCount) {
                    lastCount = mine.size();
                    lastChange = now;
                } else if (now - lastChange > STALL_MILLIS) {
                    return StageResult.failed("no progress for " + STALL_MILLIS / 1000 + " s (see " + log + ")");
                }
                Thread.sleep(100);
            }
        }
    }

    private static void publish(String bootstrapServers, ScanRequest request) throws ExecutionException,
            TimeoutException, InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(REQUESTS, request.getOrganizationId().getBytes(StandardCharsets.UTF_8),
                    new ScanRequestSerde().serialize(REQUESTS, request))).get(30, TimeUnit.SECONDS);
        }
    }
}
