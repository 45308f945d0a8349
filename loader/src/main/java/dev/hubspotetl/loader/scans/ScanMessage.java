package dev.hubspotetl.loader.scans;

import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import org.apache.avro.specific.SpecificRecord;

/** A decoded record of the scan topics, with the scan it is about. */
record ScanMessage(String scanId, String organizationId, SpecificRecord value) {

    /** Observers' events (the loader's own progress among them) change nothing in scan_jobs. */
    boolean changesScanJob() {
        return !(value instanceof ScanEvent e) || switch (e.getType()) {
            case LOAD_PROGRESS, LOAD_FAILED, UNKNOWN -> false;
            default -> true;
        };
    }

    static ScanMessage of(SpecificRecord value) {
        if (value instanceof ScanRequest r) {
            return new ScanMessage(r.getScanId(), r.getOrganizationId(), r);
        }
        if (value instanceof ScanControl c) {
            return new ScanMessage(c.getScanId(), c.getOrganizationId(), c);
        }
        if (value instanceof ScanEvent e) {
            return new ScanMessage(e.getScanId(), e.getOrganizationId(), e);
        }
        throw new IllegalArgumentException("Not a scan message: " + value.getClass().getName());
    }
}
