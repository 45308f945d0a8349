package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.messaging.DeadLetterPublisher;
import dev.hubspotetl.loader.messaging.ProgressPublisher;
import dev.hubspotetl.loader.offsets.ExactlyOnceBatchListener;
import dev.hubspotetl.loader.offsets.OffsetStore;
import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.loader.scans.ScanProgress;
import dev.hubspotetl.schemas.kafka.DealSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes hubspot.deals and upserts the deals into hubspot_deals, adding them to their scan's
 * processed_items in the same transaction; rows PostgreSQL rejects go to hubspot.deals.dlq and count
 * as failed_items, undecodable records go to the DLQ. Publishes LOAD_PROGRESS after each commit.
 */
public final class DealsListener extends ExactlyOnceBatchListener<DealsListener.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(DealsListener.class);

    private final DealSerde serde = new DealSerde();
    private final DealUpsertRepository deals;
    private final ScanJobRepository scans;
    private final DeadLetterPublisher deadLetters;
    private final ProgressPublisher progress;
    private final Counter loaded;
    private final Counter failed;
    private final DistributionSummary batchSizes;
    private final Timer upserts;
    private final Timer batches;

    public DealsListener(TransactionTemplate transactions, OffsetStore offsets, String group,
                         DealUpsertRepository deals, ScanJobRepository scans, DeadLetterPublisher deadLetters,
                         ProgressPublisher progress, MeterRegistry meters) {
        super(transactions, offsets, group);
        this.deals = deals;
        this.scans = scans;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.loaded = Counter.builder("etl.loader.deals.loaded").register(meters);
        this.failed = Counter.builder("etl.loader.deals.failed").register(meters);
        this.batchSizes = DistributionSummary.builder("etl.loader.batch.size").register(meters);
        this.upserts = Timer.builder("etl.loader.upsert.duration").description("COPY + INSERT ON CONFLICT of a batch")
                .register(meters);
        this.batches = Timer.builder("etl.loader.batch.duration").description("A deals batch, decode to commit")
                .register(meters);
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        batches.record(() -> super.onMessage(records, consumer));
    }

    /** What a committed batch did: counted into the metrics only once it has committed. */
    record Outcome(List<ScanProgress> progress, int deals, int failed) {
    }

    @Override
    protected Outcome applyInTransaction(List<ConsumerRecord<byte[], byte[]>> records) {
        DealBatch batch = decode(records);
        if (batch.isEmpty()) {
            return new Outcome(List.of(), 0, 0);
        }
        scans.ensureExists(batch.organizationByScan());
        Map<String, String> jobIds = scans.jobIds(batch.organizationByScan().keySet());
        List<DealRow> rows = batch.rows(jobIds);
        List<DealUpsertRepository.Rejected> rejected = upserts.record(() -> deals.upsert(rows));

        Map<String, Integer> failedByScan = new HashMap<>();
        for (DealUpsertRepository.Rejected reject : rejected) {
            DealRow row = reject.row();
            failedByScan.merge(row.scanId(), row.records().size(), Integer::sum);
            for (ConsumerRecord<byte[], byte[]> record : row.records()) {
                deadLetters.publish(record, row.scanId().getBytes(StandardCharsets.UTF_8), row.scanId(), 1,
                        reject.reason());
            }
        }
        batch.recordsByScan().forEach((scanId, count) -> {
            int failedHere = failedByScan.getOrDefault(scanId, 0);
            scans.addCounts(scanId, count - failedHere, failedHere);
        });
        scans.completeIfDone(batch.recordsByScan().keySet());

        int total = batch.recordsByScan().values().stream().mapToInt(Integer::intValue).sum();
        int failedTotal = failedByScan.values().stream().mapToInt(Integer::intValue).sum();
        return new Outcome(scans.progressOf(batch.recordsByScan().keySet()), total, failedTotal);
    }

    @Override
    protected void afterCommit(Outcome outcome) {
        if (outcome.deals() > 0) {
            loaded.increment(outcome.deals() - outcome.failed());
            failed.increment(outcome.failed());
            batchSizes.record(outcome.deals());
        }
        progress.publish(outcome.progress());
    }

    private DealBatch decode(List<ConsumerRecord<byte[], byte[]>> records) {
        DealBatch batch = new DealBatch();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                log.debug("Skipping tombstone {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            try {
                DealValue deal = EncodedDeal.parse(record.value());
                batch.add(record, deal != null ? deal : new DecodedDeal(serde.deserialize(record.topic(),
                        record.value())));
            } catch (SerializationException e) {
                deadLetters.publish(record, record.key(), null, null, e);
            }
        }
        return batch;
    }
}
