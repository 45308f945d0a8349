package dev.hubspotetl.extractor.hubspot;

/**
 * HubSpot refused or kept failing a call, and the scan fails with this message. The message names the
 * credential reference where it matters and never holds a token.
 */
public final class HubSpotFailure extends RuntimeException {

    private final Integer httpStatus;

    public HubSpotFailure(Integer httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** HubSpot's HTTP status, or null when the last failure was not an HTTP answer. */
    public Integer httpStatus() {
        return httpStatus;
    }
}
