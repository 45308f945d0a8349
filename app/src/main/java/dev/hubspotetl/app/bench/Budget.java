package dev.hubspotetl.app.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The extractor's share of HubSpot's budget (100 calls per 10 s), from samples of the simulator's
 * request counter: calls made from one window after the first call (the first window is left out: it
 * starts empty, with a full budget to spend) over as many whole windows as the calls lasted, against
 * those windows' budget.
 */
final class Budget {

    static final int LIMIT_CALLS = 100;
    static final long WINDOW_MILLIS = 10_000;

    /** The simulator's request counter at one moment. */
    record Sample(long atMillis, long requests) {
    }

    /**
     * @param seconds the measured interval
     * @param calls   calls made in it
     * @param share   calls / budget of the interval; empty when the calls did not outlast the first window
     */
    record Share(double seconds, long calls, OptionalDouble share) {
    }

    private Budget() {
    }

    static Share of(List<Sample> samples) {
        Sample first = samples.stream().filter(s -> s.requests() > 0).findFirst().orElse(null);
        if (first == null) {
            return new Share(0, 0, OptionalDouble.empty());
        }
        long total = samples.get(samples.size() - 1).requests();
        Sample last = samples.stream().filter(s -> s.requests() == total).findFirst().orElseThrow();
        // Whole windows only: a rolling window allows 100 calls in any 10 s, so a part of a window
        // could hold up to a whole window's calls and show more than 100 %.
        long from = first.atMillis() + WINDOW_MILLIS;
        long windows = (last.atMillis() - from) / WINDOW_MILLIS;
        if (windows < 1) {
            return new Share(0, 0, OptionalDouble.empty());
        }
        long to = from + windows * WINDOW_MILLIS;
        long calls = requestsAt(samples, to) - requestsAt(samples, from);
        return new Share(windows * WINDOW_MILLIS / 1000.0, calls,
                OptionalDouble.of(calls / (double) (windows * LIMIT_CALLS)));
    }

    /** The counter's value at a moment: the last sample taken at or before it. */
    private static long requestsAt(List<Sample> samples, long atMillis) {
        long requests = 0;
        for (Sample s : samples) {
            if (s.atMillis() <= atMillis) {
                requests = s.requests();
            }
        }
        return requests;
    }
}
