package dev.hubspotetl.transformer.topology;

import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The records that report a failure: a dead letter with spring-kafka's error headers plus the scan
 * and the number of deals it held, and a TRANSFORM_FAILED event whose deterministic id lets the
 * loader recognise a redelivery.
 */
final class FailureRecords {

    static final String STAGE = "transformer";
    /** scan_jobs.error_message is TEXT, but a wall of text helps nobody. */
    static final int MAX_MESSAGE_LENGTH = 2000;

    private FailureRecords() {
    }

    /** Where the failed input was read, for the dead-letter headers. */
    record Origin(String topic, int partition, long offset) {

        static Origin of(ProcessorContext<?, ?> context) {
            return context.recordMetadata()
                    .map(metadata -> new Origin(metadata.topic(), metadata.partition(), metadata.offset()))
                    .orElse(new Origin("unknown", -1, -1L));
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /**
     * A dead letter: the input's key as it was (the scan id when it had none), the input's own
     * headers followed by the error headers.
     */
    static Record<String, Outcome> deadLetter(Record<byte[], byte[]> input, String scanId, byte[] value,
                                              Throwable error, Origin origin, Integer failedDeals) {
        Headers headers = failureHeaders(input.headers(), scanId, error, origin, failedDeals);
        byte[] key = input.key() != null || scanId == null ? input.key() : DeadLetterHeaders.utf8(scanId);
        return new Record<>(scanId, new Outcome.DeadLetter(key, value), input.timestamp(), headers);
    }

    static Headers failureHeaders(Headers original, String scanId, Throwable error, Origin origin,
                                  Integer failedDeals) {
        Headers headers = new RecordHeaders(original.toArray());
        DeadLetterHeaders.addFailure(headers, STAGE, error, origin.topic(), origin.partition(), origin.offset());
        if (scanId != null) {
            headers.add(DeadLetterHeaders.SCAN_ID, DeadLetterHeaders.utf8(scanId));
        }
        if (failedDeals != null) {
            headers.add(DeadLetterHeaders.FAILED_DEALS, DeadLetterHeaders.utf8(failedDeals.toString()));
        }
        return headers;
    }

    /** The page's one TRANSFORM_FAILED event: {@code dealCount} of its deals will never reach hubspot.deals. */
    static Record<String, Outcome> transformFailed(RawDealPage page, long dealCount, String message,
                                                   long now, long timestamp) {
        ScanEvent event = ScanEvent.newBuilder()
                .setEventId(STAGE + ":" + page.getScanId() + ":" + page.getPageNumber())
                .setScanId(page.getScanId())
                .setOrganizationId(page.getOrganizationId())
                .setType(ScanEventType.TRANSFORM_FAILED)
                .setStage(STAGE)
                .setOccurredAt(Instant.ofEpochMilli(now))
                .setPageNumber(page.getPageNumber())
                .setDealCount(dealCount)
                .setErrorMessage(abbreviate(message))
                .build();
        return new Record<>(page.getScanId(), new Outcome.TransformFailed(event), timestamp);
    }

    /**
     * A record of the scan's raw topic that is no page at all: how many deals it held is unknown, so
     * deal_count is null and the loader fails the scan with this message.
     */
    static Record<String, Outcome> undecodable(String scanId, Origin origin, String message, long now, long timestamp) {
        ScanEvent event = undecodableEvent(scanId, origin, message, now);
        return new Record<>(scanId, new Outcome.TransformFailed(event), timestamp);
    }

    static ScanEvent undecodableEvent(String scanId, Origin origin, String message, long now) {
        return ScanEvent.newBuilder()
                .setEventId(STAGE + ":" + scanId + ":undecodable:" + origin)
                .setScanId(scanId)
                .setType(ScanEventType.TRANSFORM_FAILED)
                .setStage(STAGE)
                .setOccurredAt(Instant.ofEpochMilli(now))
                .setErrorMessage(abbreviate(message))
                .build();
    }

    static String abbreviate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
    }
}
