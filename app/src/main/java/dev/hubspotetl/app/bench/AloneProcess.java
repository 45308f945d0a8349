package dev.hubspotetl.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A {@link StageMain} process of a stage-alone run: its output goes to a log, its peak heap to a file. */
final class AloneProcess implements AutoCloseable {

    /** The heap every stage-alone run gets: the loader's goal. */
    static final String HEAP = "256m";

    private final Process process;
    private final Path log;
    private final Path heapReport;

    private AloneProcess(Process process, Path log, Path heapReport) {
        this.process = process;
        this.log = log;
        this.heapReport = heapReport;
    }

    /** Starts {@code command} (from {@link StageLauncher#command}, writing its heap to {@code heapReport}). */
    static AloneProcess start(List<String> command, Path log, Path heapReport) throws IOException {
        Files.deleteIfExists(heapReport);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AloneProcess(process, log, heapReport);
    }

    /** Empty while it runs; else why it is gone. */
    java.util.Optional<String> exited() {
        return process.isAlive() ? java.util.Optional.empty()
                : java.util.Optional.of("the process exited with " + process.exitValue() + " (see " + log + ")");
    }

    /** The CPU time the process has used so far, where the platform tells it. */
    OptionalLong cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(d -> OptionalLong.of(d.toMillis()))
                .orElse(OptionalLong.empty());
    }

    Path log() {
        return log;
    }

    /** SIGTERM: the process stops its stage and writes its peak heap, which is returned. */
    OptionalLong stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS) || !Files.exists(heapReport)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(Files.readString(heapReport, StandardCharsets.UTF_8).trim()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
