package dev.hubspotetl.loader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the heap figures of a unified GC log ("-Xlog:gc"): "... Pause Young ... 120M->20M(256M) ...". */
final class HeapSampler {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    record Result(long peakHeapBytes, double rowsPerSecond, boolean completed) {
    }

    private HeapSampler() {
    }

    /** The most heap in use at any point the log shows: the highest figure before a collection. */
    static long peakBeforeGc(Path gcLog) throws IOException {
        long max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                max = Math.max(max, bytes(m.group(1), m.group(2)));
            }
        }
        return max;
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
