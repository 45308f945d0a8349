package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.Deal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's own ceiling for a set of deal rows: the loader's SQL path (COPY into a temporary
 * table, one INSERT ... ON CONFLICT) with no Kafka, no decoding and no accounting around it.
 */
public final class CeilingProbe {

    private final DataSource dataSource;

    public CeilingProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Loads the deals (one scan) in transactions of {@code rowsPerTransaction} over {@code connections}
     * connections at once, each its own share of the rows, as the loader's consumer threads do;
     * returns rows per second.
     */
    public double rowsPerSecond(List<Deal> deals, int rowsPerTransaction, int connections) throws Exception {
        String scanId = deals.get(0).getScanId();
        new ScanJobRepository(new JdbcTemplate(dataSource)).ensureExists(Map.of(scanId, deals.get(0).getOrganizationId()));
        String jobId = ScanJobRepository.jobId(scanId);
        List<DealRow> rows = new ArrayList<>(deals.size());
        for (Deal deal : deals) {
            rows.add(new DealRow(jobId, deal, List.of()));
        }
        // The loader sees the deals spread over partitions by their key, not in id order:
        // the ceiling inserts them in such an order too, not in the B-tree's favourite one.
        Collections.shuffle(rows, new Random(42));
        // The ceiling is the upsert path (COPY into a temporary table + INSERT ... ON CONFLICT), which
        // the loader takes only after a conflict.
        DealUpsertRepository repository = new DealUpsertRepository(dataSource, false);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            List<Future<?>> shares = new ArrayList<>();
            int share = (rows.size() + connections - 1) / connections;
            for (int from = 0; from < rows.size(); from += share) {
                List<DealRow> mine = rows.subList(from, Math.min(rows.size(), from + share));
                shares.add(pool.submit(() -> load(mine, rowsPerTransaction, repository, transactions)));
            }
            for (Future<?> done : shares) {
                done.get();
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void load(List<DealRow> rows, int rowsPerTransaction, DealUpsertRepository repository,
                             TransactionTemplate transactions) {
        for (int from = 0; from < rows.size(); from += rowsPerTransaction) {
            List<DealRow> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerTransaction));
            transactions.executeWithoutResult(status -> {
                if (!repository.upsert(chunk).isEmpty()) {
                    throw new IllegalStateException("The ceiling's rows must all load");
                }
            });
        }
    }
}
