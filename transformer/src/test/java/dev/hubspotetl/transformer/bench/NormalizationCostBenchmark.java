package dev.hubspotetl.transformer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.transformer.fixtures.BenchmarkReport;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.TransformerDriver;
import dev.hubspotetl.transformer.normalize.NormalizedPage;
import dev.hubspotetl.transformer.normalize.PageNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure cost of one deal, without a broker: the whole topology on TopologyTestDriver (decode the
 * page, parse, normalize, route, Avro-encode) and its parts, on pages of 100 deals shaped like a real
 * portal's (17 mapped properties, 2 custom). Median of measured rounds after warm-up rounds.
 */
class NormalizationCostBenchmark {

    private static final int PAGES = 300;
    private static final int DEALS_PER_PAGE = 100;
    private static final int DEALS = PAGES * DEALS_PER_PAGE;
    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS = 7;

    private final List<RawDealPage> pages = new ArrayList<>();
    private final List<byte[]> encodedPages = new ArrayList<>();

    NormalizationCostBenchmark() {
        for (int page = 0; page < PAGES; page++) {
            List<ObjectNode> results = new ArrayList<>();
            for (int i = 0; i < DEALS_PER_PAGE; i++) {
                results.add(RawPages.realisticResult(page * 1_000L + i));
            }
            RawDealPage raw = RawPages.page("scan-bench", "org-bench", page, results);
            pages.add(raw);
            encodedPages.add(TransformerDriver.encode(raw));
        }
    }

    @Test
    void printCostPerDeal() throws Exception {
        BenchmarkReport report = new BenchmarkReport("normalization-cost");
        report.line("Transformer cost per deal, TopologyTestDriver, %d pages x %d deals (%d KiB per page),"
                + " median of %d rounds", PAGES, DEALS_PER_PAGE, encodedPages.get(0).length / 1024, ROUNDS);

        double topology = measure(this::throughTopology);
        double tree = measure(this::jacksonTree);
        double streaming = measure(this::jacksonStreaming);
        double normalize = measure(this::normalizeOnly);
        double avro = measure(this::avroEncode);

        report.line("  whole topology (TopologyTestDriver)   %7.2f us/deal  = %,9.0f deals/s per core",
                topology, 1e6 / topology);
        report.line("  parts:");
        report.line("    Jackson tree parse of the body       %7.2f us/deal", tree);
        report.line("    Jackson streaming token walk         %7.2f us/deal  (lower bound of any JSON parser)",
                streaming);
        report.line("    parse + normalize (PageNormalizer)   %7.2f us/deal", normalize);
        report.line("    Avro single-object encode of a Deal  %7.2f us/deal", avro);
        report.save();
        assertThat(topology).isPositive();
    }

    /** Runs warm-up and measured rounds of a task over all pages; returns the median microseconds per deal. */
    private double measure(ThrowingTask task) throws Exception {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            task.run();
        }
        double[] perDeal = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            perDeal[round] = task.run() / 1_000.0 / DEALS;
        }
        Arrays.sort(perDeal);
        return perDeal[ROUNDS / 2];
    }

    private long throughTopology() {
        try (TransformerDriver driver = new TransformerDriver()) {
            byte[] key = "scan-bench".getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            for (byte[] page : encodedPages) {
                driver.pipeBytes(key, page);
            }
            long elapsed = System.nanoTime() - start;
            assertThat(driver.deals()).hasSize(DEALS);
            return elapsed;
        }
    }

    private long jacksonTree() throws Exception {
        long start = System.nanoTime();
        int results = 0;
        for (RawDealPage page : pages) {
            results += RawPages.JSON.readTree(page.getBody()).get("results").size();
        }
        long elapsed = System.nanoTime() - start;
        assertThat(results).isEqualTo(DEALS);
        return elapsed;
    }

    private long jacksonStreaming() throws Exception {
        long start = System.nanoTime();
        long tokens = 0;
        for (RawDealPage page : pages) {
            try (JsonParser parser = RawPages.JSON.getFactory().createParser(page.getBody())) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        assertThat(tokens).isPositive();
        return elapsed;
    }

    private long normalizeOnly() throws Exception {
        PageNormalizer normalizer = new PageNormalizer();
        long start = System.nanoTime();
        int deals = 0;
        for (RawDealPage page : pages) {
            NormalizedPage normalized = normalizer.normalize(page);
            deals += normalized.deals().size();
        }
        long elapsed = System.nanoTime() - start;
        assertThat(deals).isEqualTo(DEALS);
        return elapsed;
    }

    private long avroEncode() throws Exception {
        PageNormalizer normalizer = new PageNormalizer();
        List<Deal> deals = new ArrayList<>(DEALS);
        for (RawDealPage page : pages) {
            deals.addAll(normalizer.normalize(page).deals());
        }
        DealSerde serde = new DealSerde();
        long start = System.nanoTime();
        long bytes = 0;
        for (Deal deal : deals) {
            bytes += serde.serialize("hubspot.deals", deal).length;
        }
        long elapsed = System.nanoTime() - start;
        assertThat(bytes).isPositive();
        return elapsed;
    }

    @FunctionalInterface
    private interface ThrowingTask {
        long run() throws Exception;
    }
}
