package dev.hubspotetl.simulator.cli;

import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a simulator until the process is stopped, logging what it serves once a second. */
final class Standalone {

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private Standalone() {
    }

    /** Returns the exit code: 0 after --help or a clean stop, 2 for bad flags. */
    static int run(String... args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(CliOptions.help());
            return 0;
        }
        SimulatorConfig config;
        try {
            config = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("hubspot-simulator: " + e.getMessage());
            System.err.print(CliOptions.help());
            return 2;
        }
        HubSpotSimulator simulator = HubSpotSimulator.start(config);
        log.info("HubSpot simulator serving {} deals at {} (seed {}, rate limit {}, search limit {}/s, fault rate {})",
                config.deals(), simulator.baseUrl(), config.seed(),
                config.rateLimited() ? config.rateLimitRequests() + "/" + config.rateLimitWindow().toMillis() + "ms" : "off",
                config.searchRateLimitPerSecond(), config.faultRate());

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hubspot-simulator-stats");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(new ThroughputLog(simulator::stats), 1, 1, TimeUnit.SECONDS);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            simulator.close();
            log.info("HubSpot simulator stopped after {} requests", simulator.stats().requests());
            stopped.countDown();
        }, "hubspot-simulator-shutdown"));
        stopped.await();
        return 0;
    }
}
