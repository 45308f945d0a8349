package dev.hubspotetl.extractor.hubspot;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * One rolling-window budget (n calls per window) as the client must see it to never exceed it: a call
 * holds a slot from the moment it starts until one window after its answer arrived, because HubSpot
 * counts it at some instant in between. Pure bookkeeping on a nanosecond clock the caller passes in;
 * not thread-safe ({@link RateGovernor} guards it).
 */
final class RateWindow {

    /** How long to wait when every slot is held by calls still in flight: until one of them answers. */
    static final long IN_FLIGHT_POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final int configuredLimit;
    private final long configuredWindowNanos;
    private final long marginNanos;
    private final PriorityQueue<Long> releases = new PriorityQueue<>();
    private int limit;
    private long windowNanos;
    private int inFlight;
    private long pausedUntil;
    private boolean paused;

    RateWindow(int limit, Duration window, Duration margin) {
        this.configuredLimit = limit;
        this.configuredWindowNanos = window.toNanos();
        this.marginNanos = margin.toNanos();
        this.limit = limit;
        this.windowNanos = configuredWindowNanos;
    }

    boolean enabled() {
        return limit > 0;
    }

    /** Nanoseconds to wait before a call may start; 0 means now. */
    long waitNanos(long now) {
        if (paused && now - pausedUntil < 0) {
            return pausedUntil - now;
        }
        paused = false;
        if (!enabled()) {
            return 0;
        }
        forgetReleased(now);
        if (used() < limit) {
            return 0;
        }
        return releases.isEmpty() ? IN_FLIGHT_POLL_NANOS : Math.max(1, releases.peek() - now);
    }

    void start() {
        inFlight++;
    }

    /** The call's answer (or failure) arrived: it holds its slot for one more window. */
    void finish(long now) {
        inFlight = Math.max(0, inFlight - 1);
        if (enabled()) {
            releases.add(now + windowNanos + marginNanos);
        }
    }

    /**
     * Reconciles with HubSpot's view from its rate-limit headers (negative = header absent). A smaller
     * {@code max} than configured is adopted, at no higher rate than configured; fewer {@code remaining}
     * calls than this client accounts for means someone else spends the same budget, so the difference
     * is booked as calls made now.
     */
    void observe(int max, int remaining, long intervalMillis, long now) {
        if (!enabled()) {
            return;
        }
        if (max > 0 && max < limit) {
            long interval = intervalMillis > 0 ? Duration.ofMillis(intervalMillis).toNanos() : windowNanos;
            long sameRate = (long) ((double) configuredWindowNanos * max / configuredLimit);
            limit = max;
            windowNanos = Math.max(interval, sameRate);
        }
        if (remaining >= 0) {
            forgetReleased(now);
            int unaccounted = (limit - used()) - remaining;
            for (int i = 0; i < unaccounted; i++) {
                releases.add(now + windowNanos + marginNanos);
            }
        }
    }

    /** No call starts before {@code until} (a Retry-After, or a 429 without usable headers). */
    void pauseUntil(long until) {
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
            paused = true;
        }
    }

    int limit() {
        return limit;
    }

    long windowNanos() {
        return windowNanos;
    }

    int used() {
        return inFlight + releases.size();
    }

    int configuredLimit() {
        return configuredLimit;
    }

    private void forgetReleased(long now) {
        while (!releases.isEmpty() && releases.peek() - now <= 0) {
            releases.poll();
        }
    }
}
