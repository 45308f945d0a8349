package dev.hubspotetl.api.scans;

/**
 * The scan's status forbids the operation: it already exists (submit), is still active (delete) or
 * has already finished (cancel). The web layer maps each {@link Reason} to its HTTP status.
 */
public class ScanStateException extends RuntimeException {

    public enum Reason {
        /** POST of a scan_id that exists, whatever its status: a finished scan is never run again. */
        SCAN_EXISTS,
        /** DELETE while pending or running. */
        SCAN_ACTIVE,
        /** Cancel of a completed, failed or cancelled scan. */
        SCAN_FINISHED
    }

    private final Reason reason;

    public ScanStateException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
