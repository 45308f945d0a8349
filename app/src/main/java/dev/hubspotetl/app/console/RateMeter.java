package dev.hubspotetl.app.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** Deals per second over the last few seconds, from (time, count) samples. */
final class RateMeter {

    private record Sample(long nanos, long count) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateMeter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    void record(long nanos, long count) {
        samples.addLast(new Sample(nanos, count));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** The rate across the window; 0 until two samples span some time. */
    double perSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long elapsed = last.nanos() - first.nanos();
        return elapsed <= 0 ? 0 : (last.count() - first.count()) * 1e9 / elapsed;
    }
}
