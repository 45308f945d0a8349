package dev.hubspotetl.schemas.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a record on the dead-letter topic. The names and encodings are spring-kafka's
 * {@code DeadLetterPublishingRecoverer} ones (partition a 4-byte and offset an 8-byte big-endian
 * number, the rest UTF-8), so that records dead-lettered by any stage read alike; {@code etl-*}
 * headers add which stage failed, the scan and how many deals the record held.
 */
public final class DeadLetterHeaders {

    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String STAGE = "etl-stage";
    public static final String SCAN_ID = "etl-scan-id";
    public static final String FAILED_DEALS = "etl-failed-deals";

    private DeadLetterHeaders() {
    }

    /** Adds the error and origin headers that every dead-letter record carries. */
    public static void addFailure(Headers headers, String stage, Throwable error,
                                  String topic, int partition, long offset) {
        headers.add(STAGE, utf8(stage));
        headers.add(EXCEPTION_CLASS, utf8(error.getClass().getName()));
        headers.add(EXCEPTION_MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(ORIGINAL_TOPIC, utf8(topic));
        headers.add(ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
    }

    /** The last value of a UTF-8 header, or null. */
    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
