package dev.hubspotetl.app.e2e.kill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the pipeline (a stage's packaged jar, or a main class of this test classpath),
 * so that a test can kill it with SIGKILL: no shutdown hook runs, no consumer leaves its group, no
 * transaction is ended. Its output goes to a log file under {@code target/kill-logs}.
 */
final class StageProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int starts;

    private StageProcess(String name, List<String> command) {
        this.name = name;
        this.command = command;
        this.log = Path.of("target", "kill-logs").toAbsolutePath();
    }

    /** {@code java -jar <repo>/<module>/target/<module>.jar --key=value ...}. */
    static StageProcess jar(String name, String module, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", RepoJars.jar(module).toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new StageProcess(name, command);
    }

    /** {@code java -cp <this JVM's class path> <mainClass> args...}. */
    static StageProcess main(String name, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return new StageProcess(name, command);
    }

    /** Starts the process (again); each start logs to a file of its own. */
    synchronized StageProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            Files.createDirectories(log);
            Path file = log.resolve(name + "-" + (++starts) + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file.toFile()).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
