package dev.hubspotetl.extractor.hubspot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * HubSpot calls as Prometheus sees them: {@code hubspot_requests_total{endpoint,outcome}},
 * {@code hubspot_request_duration_seconds}, {@code hubspot_rate_limited_total{credential}},
 * {@code hubspot_retries_total{endpoint,reason}} and {@code hubspot_governor_wait_seconds}.
 */
public final class HubSpotMetrics {

    private final MeterRegistry registry;

    public HubSpotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String endpoint, String outcome, long nanos) {
        Counter.builder("hubspot.requests").description("HubSpot API calls by endpoint and outcome")
                .tag("endpoint", endpoint).tag("outcome", outcome).register(registry).increment();
        Timer.builder("hubspot.request.duration").description("HubSpot API call latency")
                .tag("endpoint", endpoint).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rateLimited(String credentialRef) {
        Counter.builder("hubspot.rate.limited").description("429 answers from HubSpot")
                .tag("credential", credentialRef).register(registry).increment();
    }

    void retried(String endpoint, String reason) {
        Counter.builder("hubspot.retries").description("HubSpot calls retried after a transient failure")
                .tag("endpoint", endpoint).tag("reason", reason).register(registry).increment();
    }

    void waited(long nanos) {
        Timer.builder("hubspot.governor.wait").description("Time calls waited for the rate budget")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
