package dev.hubspotetl.api.scans;

/** No scan with this scan_id belongs to the caller's organization (it may belong to another one). */
public class ScanNotFoundException extends RuntimeException {

    public ScanNotFoundException(String scanId) {
        super("No scan '" + scanId + "' in your organization");
    }
}
