package dev.hubspotetl.app.stages;

import dev.hubspotetl.app.config.UserConfiguration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four stages running in this JVM, each its own Spring application context built from its own
 * application class and {@code application.yml}, with local mode's settings passed as command-line
 * arguments so that they win over those defaults. Closing stops them in {@link Stage#STOP_ORDER}.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /** Told about each stage as it starts and stops, for the console. */
    public interface Listener {

        Listener QUIET = new Listener() {
        };

        default void starting(Stage stage) {
        }

        default void started(Stage stage) {
        }

        default void stopping(Stage stage) {
        }

        /** The stage has stopped; {@code cleanly} is false when closing it threw (the error is logged). */
        default void stopped(Stage stage, boolean cleanly) {
        }
    }

    private final Map<Stage, ConfigurableApplicationContext> contexts = new EnumMap<>(Stage.class);
    private boolean closed;

    private Pipeline() {
    }

    /** A pipeline with nothing started yet. */
    public static Pipeline create() {
        return new Pipeline();
    }

    /**
     * Starts every stage in order. If one fails, the error is thrown and {@link #close()} stops those
     * already started; if the pipeline is closed meanwhile (Ctrl-C), starting stops at the next stage.
     */
    public void start(StageConfiguration configuration, UserConfiguration user, Listener listener) {
        for (Stage stage : Stage.values()) {
            synchronized (this) {
                if (closed) {
                    throw new CancellationException("local mode is stopping");
                }
            }
            listener.starting(stage);
            add(stage, run(stage, configuration.propertiesFor(stage, user)));
            listener.started(stage);
        }
    }

    /** The port the API listens on (the configured one, or the one chosen when 0 was asked for). */
    public synchronized int apiPort() {
        return ((WebServerApplicationContext) contexts.get(Stage.API)).getWebServer().getPort();
    }

    @Override
    public void close() {
        close(Listener.QUIET);
    }

    /** Stops the stages in {@link Stage#STOP_ORDER}; a stage that fails to stop does not keep the others up. */
    public synchronized void close(Listener listener) {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (Stage stage : Stage.STOP_ORDER) {
            ConfigurableApplicationContext context = contexts.remove(stage);
            if (context != null) {
                listener.stopping(stage);
                try {
                    context.close();
                    listener.stopped(stage, true);
                } catch (RuntimeException | LinkageError e) {
                    log.error("The {} did not stop cleanly", stage.displayName(), e);
                    failures.add(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
                    listener.stopped(stage, false);
                }
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure =
                    new IllegalStateException(failures.size() + " stage(s) did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** The loader's connection pool: the database the pipeline writes, for reading progress. */
    public synchronized DataSource dataSource() {
        return contexts.get(Stage.LOADER).getBean(DataSource.class);
    }

    /** A property as one stage's context resolved it, e.g. the bootstrap servers it connects to. */
    public synchronized String property(Stage stage, String name) {
        return contexts.get(stage).getEnvironment().getProperty(name);
    }

    private synchronized void add(Stage stage, ConfigurableApplicationContext context) {
        if (closed) {
            context.close();
            throw new CancellationException("local mode is stopping");
        }
        contexts.put(stage, context);
    }

    /**
     * One stage on its own, as {@link #start} would start it, for a process that runs nothing else
     * (the bench's stage-alone runs); the caller closes it.
     */
    public static ConfigurableApplicationContext runAlone(Stage stage, Map<String, String> properties) {
        return run(stage, properties);
    }

    private static ConfigurableApplicationContext run(Stage stage, Map<String, String> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(stage.applicationClass())
                .resourceLoader(new StageResourceLoader(stage.applicationClass()))
                .web(stage.web() ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                // Local mode's own shutdown hook stops the stages, in order; theirs would race each other.
                .registerShutdownHook(false)
                .run(args);
    }
}
