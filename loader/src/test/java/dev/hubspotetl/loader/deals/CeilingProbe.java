package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.Deal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Loads the deals (one scan) in transactions of {@code rowsPerTransaction}; returns rows per second. */
    public double rowsPerSecond(List<Deal> deals, int rowsPerTransaction) {
        String scanId = deals.get(0).getScanId();
        new ScanJobRepository(new JdbcTemplate(dataSource)).ensureExists(Map.of(scanId, deals.get(0).getOrganizationId()));
        String jobId = ScanJobRepository.jobId(scanId);
        List<DealRow> rows = new ArrayList<>(deals.size());
        for (Deal deal : deals) {
            rows.add(new DealRow(jobId, deal, List.of()));
        }
        DealUpsertRepository repository = new DealUpsertRepository(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += rowsPerTransaction) {
            List<DealRow> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerTransaction));
            transactions.executeWithoutResult(status -> {
                if (!repository.upsert(chunk).isEmpty()) {
                    throw new IllegalStateException("The ceiling's rows must all load");
                }
            });
        }
        return rows.size() / ((System.nanoTime() - start) / 1e9);
    }
}
