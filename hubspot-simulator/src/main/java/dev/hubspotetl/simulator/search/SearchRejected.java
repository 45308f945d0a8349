package dev.hubspotetl.simulator.search;

/** A search HubSpot would answer with 400 VALIDATION_ERROR; the message goes into the error body. */
public final class SearchRejected extends RuntimeException {

    public SearchRejected(String message) {
        super(message, null, false, false);
    }
}
