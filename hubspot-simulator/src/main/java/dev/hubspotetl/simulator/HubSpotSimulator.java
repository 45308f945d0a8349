package dev.hubspotetl.simulator;

import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import dev.hubspotetl.simulator.dataset.DealMutator;
import dev.hubspotetl.simulator.dataset.DealStore;
import dev.hubspotetl.simulator.faults.FaultInjector;
import dev.hubspotetl.simulator.http.SimulatorServer;
import dev.hubspotetl.simulator.http.StatsRecorder;
import dev.hubspotetl.simulator.limits.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running simulated HubSpot portal. Start one per test (or per test class) on a random port:
 * <pre>{@code
 * try (HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(500).build())) {
 *     // point the client at hubspot.baseUrl() with "Bearer " + hubspot.config().token()
 *     // and compare what it loaded with hubspot.dataset().activeDeals()
 * }
 * }</pre>
 * Limits, faults and mutations can change while it runs, so a test can start a storm mid-scan.
 */
public final class HubSpotSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final DealStore store;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final StatsRecorder stats = new StatsRecorder();
    private final SimulatorServer server;
    private volatile Duration slowAnswerDelay;
    private volatile boolean mutateBetweenPages;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HubSpotSimulator(SimulatorConfig config) {
        this.config = config;
        this.store = DatasetGenerator.generate(config);
        this.limiter = RateLimiter.monotonic(config.rateLimitRequests(), config.rateLimitWindow(),
                config.searchRateLimitPerSecond());
        this.faults = new FaultInjector(config.seed(), config.faultRate(), config.faultKinds());
        this.slowAnswerDelay = config.slowAnswerDelay();
        this.mutateBetweenPages = config.mutateBetweenPages();
        DealMutator mutator = new DealMutator(store, config.seed(), config.deals(), Clock.systemUTC());
        this.server = SimulatorServer.start(config, new SimulatorServer.Parts(store, limiter, faults, stats,
                mutator::afterPage, () -> slowAnswerDelay, () -> mutateBetweenPages));
    }

    /** Generates the dataset and starts serving; returns once the port accepts connections. */
    public static HubSpotSimulator start(SimulatorConfig config) {
        return new HubSpotSimulator(Objects.requireNonNull(config, "config"));
    }

    /** Where to point a HubSpot client, e.g. {@code http://127.0.0.1:51234}. */
    public String baseUrl() {
        return "http://" + reachableHost(config.bindAddress()) + ":" + port();
    }

    public int port() {
        return server.port();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The portal's current contents; changes while a scan runs if mutations are on. */
    public Dataset dataset() {
        return store;
    }

    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /** Changes the share of calls that fail, from the next call on. */
    public void setFaultRate(double rate) {
        faults.setRate(rate);
    }

    public void setFaultKinds(Set<FaultKind> kinds) {
        faults.setKinds(kinds);
    }

    public void setSlowAnswerDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("slow answer delay must not be negative");
        }
        slowAnswerDelay = delay;
    }

    /** Changes the rolling window limit; {@code requests} 0 turns it off. */
    public void setRateLimit(int requests, Duration window) {
        limiter.setRateLimit(requests, window);
    }

    /** Changes the per-second search limit; 0 turns it off. */
    public void setSearchRateLimitPerSecond(int perSecond) {
        limiter.setSearchRateLimitPerSecond(perSecond);
    }

    public void setMutateBetweenPages(boolean mutate) {
        mutateBetweenPages = mutate;
    }

    // A wildcard address accepts connections but is no address to connect to.
    static String reachableHost(String bindAddress) {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
    }

    /** Stops serving; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop();
        }
    }
}
