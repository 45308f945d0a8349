package dev.hubspotetl.extractor.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scans as Prometheus sees them: {@code extractor_pages_total}, {@code extractor_deals_total} and
 * {@code extractor_scans_total{outcome}} (accepted, completed, failed, cancelled, rejected, duplicate).
 */
public final class ScanMetrics {

    private final MeterRegistry registry;
    private final Counter pages;
    private final Counter deals;

    public ScanMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pages = Counter.builder("extractor.pages").description("Raw pages published").register(registry);
        this.deals = Counter.builder("extractor.deals").description("Deals published in raw pages").register(registry);
    }

    void page(int dealCount) {
        pages.increment();
        deals.increment(dealCount);
    }

    /** One scan reached {@code outcome}. */
    public void scan(String outcome) {
        Counter.builder("extractor.scans").description("Scans by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    MeterRegistry registry() {
        return registry;
    }
}
