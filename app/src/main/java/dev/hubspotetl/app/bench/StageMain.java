package dev.hubspotetl.app.bench;

import dev.hubspotetl.app.stages.Pipeline;
import dev.hubspotetl.app.stages.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code StageMain <stage> --name=value ...}: one stage of the local-mode jar as a process of its own,
 * for the bench's stage-alone runs. On SIGTERM it stops the stage and writes the process's peak heap
 * (bytes) to the file named by {@value #HEAP_REPORT}.
 */
public final class StageMain {

    /** System property: where to write the peak heap when the process is told to stop. */
    public static final String HEAP_REPORT = "hubspot-etl.heap-report";

    private StageMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: StageMain <loader|transformer|extractor|api> --name=value ...");
        }
        Stage stage = Stage.valueOf(args[0].toUpperCase(Locale.ROOT));
        HeapPeak.Watch heap = HeapPeak.watch();
        ConfigurableApplicationContext context = Pipeline.runAlone(stage, properties(Arrays.copyOfRange(args, 1,
                args.length)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long peak = heap.peakBytes();
            try {
                context.close();
            } finally {
                report(peak);
                stopped.countDown();
            }
        }, "stage-shutdown"));
        stopped.await();
    }

    static Map<String, String> properties(String[] args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
            }
            properties.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return properties;
    }

    private static void report(long peakBytes) {
        String file = System.getProperty(HEAP_REPORT);
        if (file != null) {
            try {
                Files.writeString(Path.of(file), Long.toString(peakBytes), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }
}
