package dev.hubspotetl.extractor.hubspot;

import dev.hubspotetl.extractor.config.HubSpotProperties.RateLimit;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Spends one credential's HubSpot budget for every scan that uses it: a call starts only when the
 * rolling window (and, for searches, the per-second window) has room, so that the budget is used
 * without a 429. HubSpot's rate-limit headers correct the picture when someone else spends the same
 * budget; a 429 pauses the credential as its headers say.
 */
public final class RateGovernor {

    private static final long SEARCH_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A started call; hand it back with its answer's headers. */
    public record Permit(boolean search) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final RateWindow calls;
    private final RateWindow searches;
    private final LongSupplier nanoClock;

    public RateGovernor(RateLimit limit, LongSupplier nanoClock) {
        this.calls = new RateWindow(limit.requests(), limit.window(), limit.margin());
        // No margin on the one-second search window: a call's slot already runs from its start to one window
        // after its answer, which covers the instant HubSpot counted it; a margin would cost 5 % of it.
        this.searches = new RateWindow(limit.searchPerSecond(), Duration.ofNanos(SEARCH_WINDOW_NANOS), Duration.ZERO);
        this.nanoClock = nanoClock;
    }

    /** Blocks until a call may start, and books it. */
    public Permit acquire(boolean search, StopSignal stop) {
        lock.lock();
        try {
            while (true) {
                if (stop.stopRequested()) {
                    throw new ScanStoppedException();
                }
                long now = nanoClock.getAsLong();
                long wait = Math.max(calls.waitNanos(now), search ? searches.waitNanos(now) : 0);
                if (wait <= 0) {
                    calls.start();
                    if (search) {
                        searches.start();
                    }
                    return new Permit(search);
                }
                changed.awaitNanos(Math.min(wait, MAX_WAIT_SLICE_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanStoppedException();
        } finally {
            lock.unlock();
        }
    }

    /** The call ended, with an answer (headers may be {@link RateLimitHeaders#NONE}) or without. */
    public void completed(Permit permit, RateLimitHeaders headers) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            calls.finish(now);
            calls.observe(headers.max(), headers.remaining(), headers.intervalMillis(), now);
            if (permit.search()) {
                searches.finish(now);
                searches.observe(headers.secondly(), headers.secondlyRemaining(), 1_000, now);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * HubSpot answered 429: wait as its headers say. Retry-After wins; otherwise the exhausted window
     * is marked full, so that the next call waits for its oldest call to leave it.
     */
    public void rateLimited(Permit permit, RateLimitHeaders headers) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            calls.finish(now);
            if (permit.search()) {
                searches.finish(now);
            }
            if (headers.retryAfterMillis() >= 0) {
                calls.pauseUntil(now + TimeUnit.MILLISECONDS.toNanos(headers.retryAfterMillis()));
            } else if (permit.search() && headers.remaining() != 0) {
                // The rolling window had room, so the per-second search limit refused the call.
                searches.observe(headers.secondly(), 0, 1_000, now);
                searches.pauseUntil(now + SEARCH_WINDOW_NANOS);
            } else if (calls.enabled()) {
                calls.observe(headers.max(), 0, headers.intervalMillis(), now);
            } else {
                // No budget configured here: pause for one call's share of HubSpot's window, else a second.
                long pauseMillis = headers.max() > 0 && headers.intervalMillis() > 0
                        ? Math.max(1, headers.intervalMillis() / headers.max()) : 1_000;
                calls.pauseUntil(now + TimeUnit.MILLISECONDS.toNanos(pauseMillis));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current budget (HubSpot's headers may have lowered the configured one). */
    public int limit() {
        lock.lock();
        try {
            return calls.limit();
        } finally {
            lock.unlock();
        }
    }
}
