package dev.hubspotetl.api.kafka;

/** The broker did not acknowledge a command in time, or refused it: the client should retry later. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
