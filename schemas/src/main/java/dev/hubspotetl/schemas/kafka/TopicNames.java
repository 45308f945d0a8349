package dev.hubspotetl.schemas.kafka;

import java.util.List;

/**
 * The names of the pipeline's six topics (DESIGN.md §3). Every application binds it from
 * {@code etl.topics.*}; the defaults are {@link #DEFAULTS}.
 *
 * @param scanRequests ScanRequest, key organization_id
 * @param scanControl  ScanControl, key scan_id
 * @param dealsRaw     RawDealPage, key scan_id
 * @param deals        Deal, key organization_id:deal_id
 * @param scanEvents   ScanEvent, key scan_id
 * @param dealsDlq     failed input with error headers, key scan_id
 */
public record TopicNames(String scanRequests, String scanControl, String dealsRaw, String deals,
                         String scanEvents, String dealsDlq) {

    public static final TopicNames DEFAULTS = new TopicNames("hubspot.scan-requests", "hubspot.scan-control",
            "hubspot.deals.raw", "hubspot.deals", "hubspot.scan-events", "hubspot.deals.dlq");

    public TopicNames {
        List<String> names = java.util.Arrays.asList(scanRequests, scanControl, dealsRaw, deals, scanEvents, dealsDlq);
        for (String name : names) {
            if (name == null || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("etl.topics: '" + name
                        + "' is not a valid Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("etl.topics: every topic needs its own name, got " + names);
        }
    }

    /** Every name, in the order of the record's components. */
    public List<String> all() {
        return List.of(scanRequests, scanControl, dealsRaw, deals, scanEvents, dealsDlq);
    }
}
