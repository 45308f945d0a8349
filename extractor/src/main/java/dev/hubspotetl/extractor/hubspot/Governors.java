package dev.hubspotetl.extractor.hubspot;

import dev.hubspotetl.extractor.config.HubSpotProperties.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RateGovernor} per credential reference, shared by every scan of this instance that
 * uses it. Scan requests are keyed by organization, so one portal's scans all land on one instance,
 * which alone spends that portal's budget.
 */
public final class Governors {

    private final RateLimit limit;
    private final Map<String, RateGovernor> byCredential = new ConcurrentHashMap<>();

    public Governors(RateLimit limit) {
        this.limit = limit;
    }

    public RateGovernor forCredential(String ref) {
        return byCredential.computeIfAbsent(ref, r -> new RateGovernor(limit, System::nanoTime));
    }
}
