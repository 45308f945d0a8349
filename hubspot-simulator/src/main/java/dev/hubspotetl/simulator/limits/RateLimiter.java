package dev.hubspotetl.simulator.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HubSpot's per-token limits: a rolling window for every call (100 per 10 s for a Starter
 * private app) and a per-second limit for search calls on top of it. A rejected call does not
 * use up quota. Limits can change at runtime so a test can tighten them mid-scan.
 */
public final class RateLimiter {

    private static final long SECOND = 1_000;

    /** Which HubSpot policy refused a call, named as in the 429 body's {@code policyName}. */
    public enum Policy {
        TEN_SECONDLY_ROLLING("You have reached your ten_secondly_rolling limit."),
        SECONDLY("You have reached your secondly limit.");

        private final String message;

        Policy(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The verdict on one call: refused by which policy (null if allowed), and the headers to send. */
    public record Decision(Policy refusedBy, Map<String, String> headers) {
        public boolean allowed() {
            return refusedBy == null;
        }
    }

    private record Settings(int requests, long windowMillis, int searchPerSecond) {
        boolean off() {
            return requests == 0 && searchPerSecond == 0;
        }
    }

    private static final Decision UNLIMITED = new Decision(null, Map.of());

    private final Map<String, TokenWindows> windows = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private volatile Settings settings;

    public RateLimiter(int requests, Duration window, int searchPerSecond, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.settings = new Settings(requests, window.toMillis(), searchPerSecond);
    }

    /** A limiter on the monotonic clock. */
    public static RateLimiter monotonic(int requests, Duration window, int searchPerSecond) {
        return new RateLimiter(requests, window, searchPerSecond, () -> System.nanoTime() / 1_000_000);
    }

    public void setRateLimit(int requests, Duration window) {
        if (requests < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit must be >= 0 per positive window");
        }
        Settings now = settings;
        settings = new Settings(requests, window.toMillis(), now.searchPerSecond());
    }

    public void setSearchRateLimitPerSecond(int searchPerSecond) {
        if (searchPerSecond < 0) {
            throw new IllegalArgumentException("search rate limit must be >= 0");
        }
        Settings now = settings;
        settings = new Settings(now.requests(), now.windowMillis(), searchPerSecond);
    }

    /** Counts one call of {@code token} if the limits allow it. */
    public Decision acquire(String token, boolean search) {
        Settings current = settings;
        if (current.off()) {
            return UNLIMITED;
        }
        return windows.computeIfAbsent(token, t -> new TokenWindows()).acquire(current, search, clockMillis.getAsLong());
    }

    private static final class TokenWindows {
        private final RollingWindow all = new RollingWindow();
        private final RollingWindow searches = new RollingWindow();

        synchronized Decision acquire(Settings s, boolean search, long now) {
            int used = all.countWithin(now, s.windowMillis());
            int searchesUsed = searches.countWithin(now, SECOND);
            Policy refused = null;
            if (s.requests() > 0 && used >= s.requests()) {
                refused = Policy.TEN_SECONDLY_ROLLING;
            } else if (search && s.searchPerSecond() > 0 && searchesUsed >= s.searchPerSecond()) {
                refused = Policy.SECONDLY;
            } else {
                all.record(now);
                used++;
                if (search) {
                    searches.record(now);
                    searchesUsed++;
                }
            }
            return new Decision(refused, headers(s, search, now, used, searchesUsed));
        }

        private Map<String, String> headers(Settings s, boolean search, long now, int used, int searchesUsed) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (s.requests() > 0) {
                headers.put("X-HubSpot-RateLimit-Max", Integer.toString(s.requests()));
                headers.put("X-HubSpot-RateLimit-Remaining", Integer.toString(Math.max(0, s.requests() - used)));
                headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(s.windowMillis()));
            }
            if (search && s.searchPerSecond() > 0) {
                headers.put("X-HubSpot-RateLimit-Secondly", Integer.toString(s.searchPerSecond()));
                headers.put("X-HubSpot-RateLimit-Secondly-Remaining",
                        Integer.toString(Math.max(0, s.searchPerSecond() - searchesUsed)));
            } else if (s.requests() > 0) {
                // Informational only, as HubSpot's own secondly headers are: the window's average rate.
                int perSecond = (int) Math.max(1, (long) s.requests() * SECOND / s.windowMillis());
                headers.put("X-HubSpot-RateLimit-Secondly", Integer.toString(perSecond));
                headers.put("X-HubSpot-RateLimit-Secondly-Remaining",
                        Integer.toString(Math.max(0, perSecond - all.countInLast(now, SECOND))));
            }
            return headers;
        }
    }
}
