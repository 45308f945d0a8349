package dev.hubspotetl.api.scans;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The seed's scan statuses: pending → running → completed / failed / cancelled. */
public enum ScanStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** As stored in scan_jobs.status. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static Optional<ScanStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    public static List<String> allValues() {
        return Arrays.stream(values()).map(ScanStatus::value).toList();
    }
}
