package dev.hubspotetl.loader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.loader.deals.CeilingProbe;
import dev.hubspotetl.schemas.Deal;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Prints the loader's figures, all measured in one run on this machine:
 * rows/s of the loader for deals already on the topic, the database's own ceiling for the same rows
 * (COPY into a temporary table + INSERT ... ON CONFLICT, no Kafka), their ratio, and the loader's
 * peak heap through a large scan (the packaged jar as its own process, read from its GC log).
 * Sizes: -Dbench.deals (200000) and -Dbench.heap-deals (1000000).
 */
class LoaderBenchmark {

    private static final int DEALS = Integer.getInteger("bench.deals", 200_000);
    private static final int HEAP_DEALS = Integer.getInteger("bench.heap-deals", 1_000_000);
    /** The loader's defaults (application.yml): the ceiling gets the same parallelism and batch size. */
    private static final int LOADER_THREADS = 2;
    private static final int LOADER_BATCH = 2000;

    @Test
    void printLoaderThroughputAgainstTheDatabaseCeilingAndPeakHeap() throws Exception {
        List<Deal> deals = BenchDeals.generate("bench-org", "bench-ceiling", DEALS);
        warmUpCeiling(deals);
        // The machine is shared: measuring the ceiling before and after the loader, and taking the
        // mean, keeps a passing load from favouring either side.
        double ceilingBefore = measureCeiling(deals, "bench_ceiling_before");

        BenchPipeline throughputRun = BenchPipeline.create("bench_throughput", "bench-loader", DEALS);
        BenchPipeline.InProcessResult run = throughputRun.loadInProcess();
        double loader = run.rowsPerSecond();
        double ceilingAfter = measureCeiling(deals, "bench_ceiling_after");
        double ceiling = (ceilingBefore + ceilingAfter) / 2;

        HeapSampler.Result heap = HEAP_DEALS == 0 ? null
                : BenchPipeline.create("bench_heap", "bench-heap", HEAP_DEALS).loadInSubprocess(freePort());

        System.out.printf("%n=== Loader benchmark (%d cores, %s) ===%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("database ceiling (COPY temp + INSERT ON CONFLICT, %d connections, %d rows a transaction): "
                + "%,10.0f rows/s (%,d rows; %,.0f before and %,.0f after the loader)%n", LOADER_THREADS, LOADER_BATCH,
                ceiling, DEALS, ceilingBefore, ceilingAfter);
        System.out.printf("loader, deals already on the topic:               %,10.0f rows/s (%,d rows)%n", loader, DEALS);
        System.out.printf("  in %,d transactions of %,.0f deals on average, %.0f ms each, of which %.0f ms COPY + upsert%n",
                run.batches(), run.meanBatchSize(), run.meanBatchMillis(), run.meanUpsertMillis());
        System.out.printf("loader / ceiling:                                 %10.1f %%  (goal >= 90 %%)%n",
                100 * loader / ceiling);
        if (heap != null) {
            System.out.printf("loader through %,d deals as its own process (-Xmx256m): completed at %,.0f rows/s%n",
                    HEAP_DEALS, heap.rowsPerSecond());
            System.out.printf("  peak heap used (highest before any GC, from its GC log): %6.1f MB (goal <= 256 MB)%n%n",
                    heap.peakHeapBytes() / 1048576.0);
            assertThat(heap.completed()).isTrue();
        }
        assertThat(loader).isPositive();
    }

    /** A first pass on a database of its own warms the JIT, as the loader's first batches warm it. */
    private static void warmUpCeiling(List<Deal> deals) throws Exception {
        new CeilingProbe(BenchPipeline.migratedDatabase("bench_ceiling_warmup"))
                .rowsPerSecond(deals.subList(0, Math.min(deals.size(), 40_000)), LOADER_BATCH, LOADER_THREADS);
    }

    private static double measureCeiling(List<Deal> deals, String database) throws Exception {
        // A new session per transaction: measured as fast as, or faster than, pooled sessions here,
        // so the ceiling is the higher of the two and the comparison the harder one.
        return new CeilingProbe(BenchPipeline.migratedDatabase(database))
                .rowsPerSecond(deals, LOADER_BATCH, LOADER_THREADS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
