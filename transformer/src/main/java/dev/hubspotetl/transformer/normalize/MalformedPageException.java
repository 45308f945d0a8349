package dev.hubspotetl.transformer.normalize;

/** A raw page whose body is not a HubSpot deals page: none of its deals can be trusted. */
public final class MalformedPageException extends Exception {

    MalformedPageException(String message) {
        super(message);
    }

    MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
