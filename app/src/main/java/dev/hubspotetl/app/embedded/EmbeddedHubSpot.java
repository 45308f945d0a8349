package dev.hubspotetl.app.embedded;

import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;

/**
 * The HubSpot simulator standing in for HubSpot's CRM v3 deals API in the demo: a seeded portal of
 * {@code deals} deals (archived ones included) on a free local port, answering only {@link #TOKEN}.
 * HubSpot's rate limits (100 calls per 10 s, 5 searches per second) stay on unless {@code fast}.
 */
public final class EmbeddedHubSpot implements AutoCloseable {

    /** The credential reference the demo's scans name; the extractor maps it to {@link #TOKEN}. */
    public static final String CREDENTIAL_REF = "demo";
    static final String TOKEN = "demo-token";

    private final HubSpotSimulator simulator;
    private boolean closed;

    private EmbeddedHubSpot(HubSpotSimulator simulator) {
        this.simulator = simulator;
    }

    public static EmbeddedHubSpot start(int deals, long seed, boolean fast) {
        return new EmbeddedHubSpot(HubSpotSimulator.start(config(deals, seed, fast)));
    }

    /** The simulator's configuration for a demo of this size: the same seed gives the same portal. */
    public static SimulatorConfig config(int deals, long seed, boolean fast) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder().deals(deals).seed(seed).token(TOKEN);
        return (fast ? builder.noRateLimits() : builder).build();
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    public String token() {
        return TOKEN;
    }

    /** The deals a full scan without archived ones returns. */
    public int listedDeals() {
        return simulator.dataset().activeDeals().size();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            simulator.close();
        }
    }
}
