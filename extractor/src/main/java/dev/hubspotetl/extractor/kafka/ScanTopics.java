package dev.hubspotetl.extractor.kafka;

/**
 * The topics a scan writes.
 *
 * @param dealsRaw    RawDealPage, key scan_id
 * @param scanEvents  ScanEvent, key scan_id
 * @param checkpoints ScanCheckpoint, key scan_id, partition = the request's partition
 */
public record ScanTopics(String dealsRaw, String scanEvents, String checkpoints) {
}
