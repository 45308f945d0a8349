package dev.hubspotetl.extractor.kafka;

/**
 * A scan request that cannot even be answered with a failed scan (it names no scan): it goes to the
 * dead-letter topic with this message, and the consumer moves on.
 */
public final class UnanswerableRequestException extends RuntimeException {

    public UnanswerableRequestException(String message) {
        super(message);
    }
}
