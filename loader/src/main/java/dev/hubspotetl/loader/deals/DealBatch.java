package dev.hubspotetl.loader.deals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The decoded deals of one poll, grouped by scan in scan_id order and de-duplicated by deal (last
 * version wins), which both the upsert (ON CONFLICT cannot see one key twice) and the lock order of
 * scan rows need.
 */
final class DealBatch {

    private final Map<String, Map<String, List<ConsumerRecord<byte[], byte[]>>>> recordsByScanAndDeal = new TreeMap<>();
    private final Map<String, Map<String, DealValue>> latestByScanAndDeal = new TreeMap<>();
    private final Map<String, String> organizationByScan = new TreeMap<>();
    private final Map<String, Integer> recordsByScan = new TreeMap<>();

    void add(ConsumerRecord<byte[], byte[]> record, DealValue deal) {
        String scanId = deal.scanId();
        organizationByScan.putIfAbsent(scanId, deal.organizationId());
        recordsByScan.merge(scanId, 1, Integer::sum);
        latestByScanAndDeal.computeIfAbsent(scanId, k -> new LinkedHashMap<>()).put(deal.dealId(), deal);
        recordsByScanAndDeal.computeIfAbsent(scanId, k -> new LinkedHashMap<>())
                .computeIfAbsent(deal.dealId(), k -> new ArrayList<>(1)).add(record);
    }

    boolean isEmpty() {
        return organizationByScan.isEmpty();
    }

    /** Scan id → organization, in scan_id order. */
    Map<String, String> organizationByScan() {
        return organizationByScan;
    }

    /** Deal records per scan, duplicates included: what processed_items and failed_items count. */
    Map<String, Integer> recordsByScan() {
        return recordsByScan;
    }

    /** One row per scan and deal, given each scan's scan_jobs.id. */
    List<DealRow> rows(Map<String, String> jobIdByScan) {
        List<DealRow> rows = new ArrayList<>();
        latestByScanAndDeal.forEach((scanId, deals) -> deals.forEach((dealId, deal) -> rows.add(
                new DealRow(jobIdByScan.get(scanId), deal, recordsByScanAndDeal.get(scanId).get(dealId)))));
        return rows;
    }
}
