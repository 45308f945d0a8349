package dev.hubspotetl.simulator.cli;

import dev.hubspotetl.simulator.SimulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/** Logs, once a second, what was served in that second; idle seconds stay silent. */
final class ThroughputLog implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ThroughputLog.class);

    private final Supplier<SimulatorStats> stats;
    private SimulatorStats previous;

    ThroughputLog(Supplier<SimulatorStats> stats) {
        this.stats = stats;
        this.previous = stats.get();
    }

    @Override
    public void run() {
        SimulatorStats now = stats.get();
        long requests = now.requests() - previous.requests();
        if (requests > 0) {
            log.info("served {} requests ({} deals), {} x 429, {} faults, {} x 401 in the last second",
                    requests, now.dealsServed() - previous.dealsServed(), now.rateLimited() - previous.rateLimited(),
                    now.faults() - previous.faults(), now.unauthorized() - previous.unauthorized());
        }
        previous = now;
    }
}
