package dev.hubspotetl.extractor.hubspot;

/** A wait ended because the scan was asked to stop (cancel, partition revoked, shutdown). */
public final class ScanStoppedException extends RuntimeException {

    public ScanStoppedException() {
        super("the scan was asked to stop", null, false, false);
    }
}
