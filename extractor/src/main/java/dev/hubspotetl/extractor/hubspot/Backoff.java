package dev.hubspotetl.extractor.hubspot;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, base * 2^(n-1))}, so that clients failing together do not retry together.
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {

    /** The pause before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        long baseMillis = Math.max(1, base.toMillis());
        int doublings = Math.min(Math.max(0, retry - 1), 30);
        long ceiling = Math.min(max.toMillis(), baseMillis << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
