package dev.hubspotetl.app.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** Start-up and shut-down steps on the console: {@code   Kafka broker (embedded, localhost:9092)  ok  3.1 s}. */
public final class Steps {

    private final PrintStream out;

    public Steps(PrintStream out) {
        this.out = out;
    }

    public <T> T run(String label, Supplier<T> step) {
        begin(label);
        long started = System.nanoTime();
        try {
            T result = step.get();
            end(started);
            return result;
        } catch (RuntimeException | Error e) {
            out.println("FAILED");
            throw e;
        }
    }

    public void begin(String label) {
        out.printf(Locale.ROOT, "  %-58s ", label);
        out.flush();
    }

    public void end(long startedNanos) {
        out.printf(Locale.ROOT, "ok %5.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
    }

    public void line(String text) {
        out.println(text);
    }
}
