package dev.hubspotetl.app.bench;

import dev.hubspotetl.app.console.Steps;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a stage-alone run measured; a figure is empty when the run did not get that far, and
 * {@code problem} says why (null when everything was measured).
 */
record StageResult(OptionalDouble rate, OptionalLong peakHeapBytes, long deals, String problem) {

    static StageResult failed(String problem) {
        return new StageResult(OptionalDouble.empty(), OptionalLong.empty(), 0, problem);
    }

    /** A stage-alone run, as {@link #measure} runs it. */
    @FunctionalInterface
    interface Run {
        StageResult run() throws IOException, InterruptedException, SQLException;
    }

    /**
     * Runs {@code stage} alone as one console step ("Loader alone (own JVM, -Xmx256m, the same
     * deals)"), then prints what it measured; a run that cannot start at all fails the bench.
     */
    static StageResult measure(Steps steps, PrintStream out, String stage, String input, Run run) {
        StageResult result = steps.run(String.format(Locale.ROOT, "%s alone (own JVM, -Xmx%s, the same %s)",
                stage, AloneProcess.HEAP, input), () -> {
                    try {
                        return run.run();
                    } catch (IOException | SQLException e) {
                        throw new IllegalStateException("Cannot run the " + stage.toLowerCase(Locale.ROOT)
                                + " alone: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while the " + stage.toLowerCase(Locale.ROOT)
                                + " ran alone", e);
                    }
                });
        result.print(out);
        return result;
    }

    /** One console line under the run's step. */
    void print(PrintStream out) {
        if (problem != null) {
            out.println("  not measured: " + problem);
        } else {
            out.printf(Locale.ROOT, "  %,d deals: %,.0f deals/s, peak heap %s%n", deals, rate.orElse(0),
                    peakHeapBytes.isPresent() ? BenchResult.megabytes(peakHeapBytes.getAsLong()) : "-");
        }
    }
}
