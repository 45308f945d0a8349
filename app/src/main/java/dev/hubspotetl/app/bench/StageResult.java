package dev.hubspotetl.app.bench;

import java.io.PrintStream;
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
