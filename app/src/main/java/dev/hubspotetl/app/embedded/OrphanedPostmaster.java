package dev.hubspotetl.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs as a child process that outlives a JVM killed with SIGKILL. The next start would
 * then find the port taken and the data directory locked; this stops such a leftover server first,
 * recognised by the {@code postmaster.pid} of our own data directory and a live postgres process.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDir, Duration wait) {
        Optional<ProcessHandle> postmaster = pid(dataDir).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("A PostgreSQL server left behind by an earlier run (pid {}) holds {}; stopping it",
                process.pid(), dataDir);
        // SIGTERM: a smart shutdown, which has nobody left to wait for since its clients died with their JVM.
        process.destroy();
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + process.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + process.pid() + " left behind by an earlier run did not"
                    + " stop within " + wait.toSeconds() + "s; stop it and start again", e);
        }
    }

    private static Optional<Long> pid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            log.debug("Unreadable {}", pidFile, e);
            return Optional.empty();
        }
    }
}
