package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The pipeline's topics with their key and value serdes (DESIGN.md §3). The dead-letter topic keeps
 * the failed input's bytes as they were, so both of its serdes are byte arrays.
 */
public record Topics(Topic<String, ScanRequest> scanRequests,
                     Topic<String, ScanControl> scanControl,
                     Topic<String, RawDealPage> dealsRaw,
                     Topic<String, Deal> deals,
                     Topic<String, ScanEvent> scanEvents,
                     Topic<byte[], byte[]> dealsDlq) {

    public static Topics from(TopicNames names) {
        return new Topics(
                new Topic<>(names.scanRequests(), Serdes.String(), new ScanRequestSerde()),
                new Topic<>(names.scanControl(), Serdes.String(), new ScanControlSerde()),
                new Topic<>(names.dealsRaw(), Serdes.String(), new RawDealPageSerde()),
                new Topic<>(names.deals(), Serdes.String(), new DealSerde()),
                new Topic<>(names.scanEvents(), Serdes.String(), new ScanEventSerde()),
                new Topic<>(names.dealsDlq(), Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** The key of a deal on {@code hubspot.deals}: its organization and HubSpot id. */
    public static String dealKey(String organizationId, String dealId) {
        return organizationId + ":" + dealId;
    }
}
