package dev.hubspotetl.extractor.hubspot;

/** HubSpot answered 414: the request target must be shortened (fewer properties per request). */
public final class UriTooLongException extends RuntimeException {

    private final int length;

    UriTooLongException(int length) {
        super("HubSpot answered 414 to a request target of " + length + " characters", null, false, false);
        this.length = length;
    }

    /** Length of the refused request target (path and query). */
    public int length() {
        return length;
    }
}
