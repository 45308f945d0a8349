package dev.hubspotetl.app.local;

import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Local mode draws on the console and logs to a file: every stage logs to
 * {@code <data-dir>/logs/hubspot-etl.log} (see logback.xml), nothing to the console. Four Spring
 * contexts in one JVM must not each reset the logging system, so Spring Boot's is switched off
 * and logback is configured once. Must run before anything logs.
 */
public final class LogSetup {

    static final String LOG_FILE_PROPERTY = "hubspot-etl.log-file";

    private LogSetup() {
    }

    /** Points the log at the data directory and returns the file. */
    public static Path prepare(Path dataDir) {
        Path logFile = dataDir.resolve("logs").resolve("hubspot-etl.log").toAbsolutePath().normalize();
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat logs through java.util.logging, which would otherwise print to the console.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return logFile;
    }
}
