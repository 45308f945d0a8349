package dev.hubspotetl.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.dataset.DealStore;
import dev.hubspotetl.simulator.dataset.PropertyCatalog;
import dev.hubspotetl.simulator.faults.FaultInjector;
import dev.hubspotetl.simulator.limits.RateLimiter;
import dev.hubspotetl.simulator.search.SearchEngine;
import dev.hubspotetl.simulator.search.SearchRequestParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The HTTP side: the JDK's built-in server with a fixed worker pool, no framework. */
public final class SimulatorServer {

    /** The moving parts the server consults on every request, owned by the simulator. */
    public record Parts(DealStore store, RateLimiter limiter, FaultInjector faults, StatsRecorder stats,
                        Runnable afterDealPage, Supplier<Duration> slowAnswerDelay,
                        Supplier<Boolean> mutateBetweenPages) {
    }

    private final HttpServer server;
    private final ExecutorService workers;

    private SimulatorServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static SimulatorServer start(SimulatorConfig config, Parts parts) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet Nagle's
        // algorithm and every keep-alive request waits ~40 ms. Read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
        ObjectMapper json = new ObjectMapper();
        ErrorBodies errors = new ErrorBodies(json);
        DealJsonWriter writer = new DealJsonWriter(json.getFactory());
        DealEndpoints deals = new DealEndpoints(parts.store(), writer, errors,
                PropertiesJson.render(json, PropertyCatalog.definitions()));
        SearchEndpoint search = new SearchEndpoint(parts.store(),
                new SearchRequestParser(json, config.maxSearchBodyChars()), new SearchEngine(), writer, errors);
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        String fallbackBaseUrl = "http://" + host + ":" + server.getAddress().getPort();
        ApiHandler.Settings settings = new ApiHandler.Settings(config.token(), config.maxUrlLength(), fallbackBaseUrl,
                parts.slowAnswerDelay(), parts.mutateBetweenPages());
        server.createContext("/", new ApiHandler(settings, parts.limiter(), parts.faults(), deals, search, errors,
                parts.stats(), parts.afterDealPage()));
        ExecutorService workers = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        server.setExecutor(workers);
        server.start();
        return new SimulatorServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hubspot-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
