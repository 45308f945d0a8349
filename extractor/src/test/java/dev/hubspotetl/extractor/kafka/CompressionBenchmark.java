package dev.hubspotetl.extractor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.extractor.config.HubSpotProperties.RateLimit;
import dev.hubspotetl.extractor.config.HubSpotProperties.Retry;
import dev.hubspotetl.extractor.hubspot.Backoff;
import dev.hubspotetl.extractor.hubspot.Credential;
import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.extractor.hubspot.Governors;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.hubspot.HubSpotMetrics;
import dev.hubspotetl.extractor.hubspot.HubSpotPage;
import dev.hubspotetl.extractor.hubspot.ListQuery;
import dev.hubspotetl.extractor.hubspot.StopSignal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.RawDealPageSerde;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;

/**
 * Prints what each producer compression costs on the raw topic (run with
 * {@code ./mvnw -B -Pbench verify -pl extractor}): CPU per page to compress a RawDealPage into a record
 * batch as the scan producers do (one page is larger than a batch, so it is a batch of its own) and to
 * decompress it as a consumer does, and the bytes it leaves. The pages are simulator pages of 100 deals
 * with every property, serialized as the producers serialize them; the CPU is this thread's alone.
 */
class CompressionBenchmark {

    private static final int PAGES = 100;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 10;

    @Test
    void cpuAndBytesPerPageOfEveryCodec() {
        List<byte[]> values = rawPages();
        long raw = values.stream().mapToLong(value -> value.length).sum();
        print("%d simulator pages of 100 deals, all properties: %,d bytes per RawDealPage on average", values.size(),
                raw / values.size());
        for (CompressionType type : List.of(CompressionType.NONE, CompressionType.LZ4, CompressionType.SNAPPY,
                CompressionType.ZSTD)) {
            Compression compression = Compression.of(type).build();
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                round(compression, values);
            }
            Figures total = new Figures(0, 0, 0);
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                total = total.plus(round(compression, values));
            }
            long pages = (long) MEASURED_ROUNDS * values.size();
            long out = total.bytes() / MEASURED_ROUNDS;
            print("%-6s compress %,7.1f us/page, decompress %,6.1f us/page, together %,7.1f us/page;"
                            + " %,d bytes per page = %.1f %% of the page", type.name,
                    total.compressNanos() / 1e3 / pages, total.decompressNanos() / 1e3 / pages,
                    (total.compressNanos() + total.decompressNanos()) / 1e3 / pages, out / values.size(),
                    100.0 * out / raw);
        }
    }

    private record Figures(long compressNanos, long decompressNanos, long bytes) {
        Figures plus(Figures other) {
            return new Figures(compressNanos + other.compressNanos, decompressNanos + other.decompressNanos,
                    bytes + other.bytes);
        }
    }

    private static Figures round(Compression compression, List<byte[]> values) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryRecords> batches = new ArrayList<>(values.size());
        long start = threads.getCurrentThreadCpuTime();
        for (byte[] value : values) {
            batches.add(MemoryRecords.withRecords(compression, new SimpleRecord(value)));
        }
        long compressed = threads.getCurrentThreadCpuTime();
        long read = 0;
        for (MemoryRecords batch : batches) {
            for (Record record : batch.records()) {
                read += record.value().remaining();
            }
        }
        long decompressed = threads.getCurrentThreadCpuTime();
        assertThat(read).isEqualTo(values.stream().mapToLong(value -> value.length).sum());
        long bytes = batches.stream().mapToLong(MemoryRecords::sizeInBytes).sum();
        return new Figures(compressed - start, decompressed - compressed, bytes);
    }

    // Pages as the extractor fetches them, serialized as the scan producers serialize them.
    private static List<byte[]> rawPages() {
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(PAGES * 100).seed(1)
                .archivedShare(0).noRateLimits().build());
             RawDealPageSerde serde = new RawDealPageSerde()) {
            HubSpotClient client = new HubSpotClient(HttpClient.newHttpClient(), URI.create(hubspot.baseUrl()),
                    Duration.ofSeconds(30), new Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), 20),
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), () -> 0.5),
                    new Governors(new RateLimit(0, Duration.ofSeconds(10), 0, Duration.ZERO)),
                    new HubSpotMetrics(new SimpleMeterRegistry()));
            Credential credential = new Credentials(Map.of("portal-a", hubspot.config().token()), null)
                    .resolve("portal-a").orElseThrow();
            List<String> properties = client.dealPropertyNames(credential, StopSignal.NEVER);
            List<byte[]> values = new ArrayList<>();
            String after = null;
            do {
                String target = new ListQuery(100, false, properties, false, after).pathAndQuery();
                HubSpotPage page = client.get(credential, target, "list", StopSignal.NEVER);
                values.add(serde.serialize("hubspot.deals.raw", RawDealPage.newBuilder().setScanId("bench-scan")
                        .setOrganizationId("bench-org").setPageNumber(values.size()).setSource("list")
                        .setRequestCursor(after).setNextCursor(page.nextAfter()).setResultCount(page.resultCount())
                        .setBody(page.body()).setExtractedAt(Instant.now()).build()));
                after = page.nextAfter();
            } while (after != null && values.size() < PAGES);
            return values;
        }
    }

    private static void print(String format, Object... values) {
        System.out.println("[extractor benchmark] " + String.format(Locale.ROOT, format, values));
    }
}
