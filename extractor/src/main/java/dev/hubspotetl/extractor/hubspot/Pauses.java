package dev.hubspotetl.extractor.hubspot;

import java.time.Duration;

/** Sleeps that a {@link StopSignal} cuts short. */
public final class Pauses {

    private static final long SLICE_NANOS = Duration.ofMillis(50).toNanos();

    private Pauses() {
    }

    /** Sleeps for {@code duration} unless stopped first; then throws {@link ScanStoppedException}. */
    public static void sleep(Duration duration, StopSignal stop) {
        long end = System.nanoTime() + duration.toNanos();
        while (true) {
            if (stop.stopRequested()) {
                throw new ScanStoppedException();
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, SLICE_NANOS)).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanStoppedException();
            }
        }
    }
}
