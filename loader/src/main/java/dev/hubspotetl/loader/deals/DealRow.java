package dev.hubspotetl.loader.deals;

import dev.hubspotetl.schemas.Deal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One hubspot_deals row to upsert, with the Kafka records it stands for: when a batch holds the
 * same deal of a scan more than once, the last version wins and the others ride along, so that a
 * rejected row counts (and dead-letters) every record behind it.
 */
record DealRow(String scanJobId, DealValue deal, List<ConsumerRecord<byte[], byte[]>> records) {

    DealRow(String scanJobId, Deal deal, List<ConsumerRecord<byte[], byte[]>> records) {
        this(scanJobId, new DecodedDeal(deal), records);
    }

    /** hubspot_deals.id: derived from the scan job and the deal, so a replay produces the same id. */
    String rowId() {
        return UUID.nameUUIDFromBytes((scanJobId + "\u0000" + deal.dealId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    String scanId() {
        return deal.scanId();
    }
}
