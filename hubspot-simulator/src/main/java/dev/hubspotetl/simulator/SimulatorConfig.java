package dev.hubspotetl.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes one simulated HubSpot portal: its data, its limits and its failures.
 * Defaults match a Free/Starter private app: 100 calls per rolling 10 s, 5 searches per second.
 *
 * @param port                           TCP port, 0 for a free one
 * @param bindAddress                    address to listen on
 * @param deals                          how many deals the portal holds at start (archived ones included)
 * @param seed                           seeds the dataset, the faults and the mutations: same seed, same portal
 * @param token                          the only bearer token accepted
 * @param rateLimitRequests              calls allowed per token in any rolling {@code rateLimitWindow}; 0 = off
 * @param rateLimitWindow                length of the rolling window
 * @param searchRateLimitPerSecond       search calls allowed per token per second; 0 = off
 * @param faultRate                      share of API calls answered with a fault, 0.0–1.0
 * @param faultKinds                     the faults drawn from, uniformly
 * @param slowAnswerDelay                how late a {@link FaultKind#SLOW} answer comes
 * @param archivedShare                  share of deals that are archived, 0.0–1.0
 * @param sharedModificationInstantDeals how many deals share one {@code hs_lastmodifieddate} (a month-end bulk update)
 * @param mutateBetweenPages             after each page of deals served, update one deal, create one and archive one
 * @param maxUrlLength                   longest request target (path and query) accepted before 414
 * @param maxSearchBodyChars             longest search request body accepted before 400; 0 = unlimited
 * @param threads                        worker threads serving requests
 */
public record SimulatorConfig(
        int port,
        String bindAddress,
        int deals,
        long seed,
        String token,
        int rateLimitRequests,
        Duration rateLimitWindow,
        int searchRateLimitPerSecond,
        double faultRate,
        Set<FaultKind> faultKinds,
        Duration slowAnswerDelay,
        double archivedShare,
        int sharedModificationInstantDeals,
        boolean mutateBetweenPages,
        int maxUrlLength,
        int maxSearchBodyChars,
        int threads) {

    /** Around 16,200 characters is where HubSpot starts answering 414 (measured by PostHog's connector). */
    public static final int HUBSPOT_MAX_URL_LENGTH = 16_000;
    /** HubSpot's search reference: a request body over 3,000 characters is answered 400. */
    public static final int HUBSPOT_MAX_SEARCH_BODY_CHARS = 3_000;

    public SimulatorConfig {
        requireRange("port", port, 0, 65_535);
        requireText("bindAddress", bindAddress);
        requireRange("deals", deals, 0, 5_000_000);
        requireText("token", token);
        requireRange("rateLimitRequests", rateLimitRequests, 0, Integer.MAX_VALUE);
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        if (rateLimitWindow.isNegative() || rateLimitWindow.isZero()) {
            throw new IllegalArgumentException("rateLimitWindow must be positive, was " + rateLimitWindow);
        }
        requireRange("searchRateLimitPerSecond", searchRateLimitPerSecond, 0, Integer.MAX_VALUE);
        requireShare("faultRate", faultRate);
        faultKinds = faultKinds == null || faultKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faultKinds));
        if (faultRate > 0 && faultKinds.isEmpty()) {
            throw new IllegalArgumentException("faultRate " + faultRate + " needs at least one fault kind");
        }
        Objects.requireNonNull(slowAnswerDelay, "slowAnswerDelay");
        if (slowAnswerDelay.isNegative()) {
            throw new IllegalArgumentException("slowAnswerDelay must not be negative, was " + slowAnswerDelay);
        }
        requireShare("archivedShare", archivedShare);
        requireRange("sharedModificationInstantDeals", sharedModificationInstantDeals, 0, deals);
        requireRange("maxUrlLength", maxUrlLength, 256, Integer.MAX_VALUE);
        requireRange("maxSearchBodyChars", maxSearchBodyChars, 0, Integer.MAX_VALUE);
        requireRange("threads", threads, 1, 1_024);
    }

    /** The defaults: 1,000 deals, seed 42, token {@code demo-token}, HubSpot's limits, no faults. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the rolling window limit applies. */
    public boolean rateLimited() {
        return rateLimitRequests > 0;
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0.0, 1.0], was " + value);
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        private int deals = 1_000;
        private long seed = 42;
        private String token = "demo-token";
        private int rateLimitRequests = 100;
        private Duration rateLimitWindow = Duration.ofSeconds(10);
        private int searchRateLimitPerSecond = 5;
        private double faultRate;
        private Set<FaultKind> faultKinds = EnumSet.allOf(FaultKind.class);
        private Duration slowAnswerDelay = Duration.ofSeconds(2);
        private double archivedShare = 0.05;
        private int sharedModificationInstantDeals;
        private boolean mutateBetweenPages;
        private int maxUrlLength = HUBSPOT_MAX_URL_LENGTH;
        private int maxSearchBodyChars = HUBSPOT_MAX_SEARCH_BODY_CHARS;
        private int threads = 16;

        private Builder() {
        }

        private Builder(SimulatorConfig c) {
            port = c.port;
            bindAddress = c.bindAddress;
            deals = c.deals;
            seed = c.seed;
            token = c.token;
            rateLimitRequests = c.rateLimitRequests;
            rateLimitWindow = c.rateLimitWindow;
            searchRateLimitPerSecond = c.searchRateLimitPerSecond;
            faultRate = c.faultRate;
            faultKinds = c.faultKinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(c.faultKinds);
            slowAnswerDelay = c.slowAnswerDelay;
            archivedShare = c.archivedShare;
            sharedModificationInstantDeals = c.sharedModificationInstantDeals;
            mutateBetweenPages = c.mutateBetweenPages;
            maxUrlLength = c.maxUrlLength;
            maxSearchBodyChars = c.maxSearchBodyChars;
            threads = c.threads;
        }

        public Builder port(int value) { port = value; return this; }
        public Builder bindAddress(String value) { bindAddress = value; return this; }
        public Builder deals(int value) { deals = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder token(String value) { token = value; return this; }
        public Builder rateLimit(int requests, Duration window) {
            rateLimitRequests = requests;
            rateLimitWindow = window;
            return this;
        }
        public Builder searchRateLimitPerSecond(int value) { searchRateLimitPerSecond = value; return this; }
        /** Turns both rate limits off: the simulator then answers as fast as it can. */
        public Builder noRateLimits() {
            rateLimitRequests = 0;
            searchRateLimitPerSecond = 0;
            return this;
        }
        public Builder faultRate(double value) { faultRate = value; return this; }
        public Builder faultKinds(Set<FaultKind> value) { faultKinds = value; return this; }
        public Builder faultKinds(FaultKind first, FaultKind... rest) { faultKinds = EnumSet.of(first, rest); return this; }
        public Builder slowAnswerDelay(Duration value) { slowAnswerDelay = value; return this; }
        public Builder archivedShare(double value) { archivedShare = value; return this; }
        public Builder sharedModificationInstantDeals(int value) { sharedModificationInstantDeals = value; return this; }
        public Builder mutateBetweenPages(boolean value) { mutateBetweenPages = value; return this; }
        public Builder maxUrlLength(int value) { maxUrlLength = value; return this; }
        public Builder maxSearchBodyChars(int value) { maxSearchBodyChars = value; return this; }
        public Builder threads(int value) { threads = value; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(port, bindAddress, deals, seed, token, rateLimitRequests, rateLimitWindow,
                    searchRateLimitPerSecond, faultRate, faultKinds, slowAnswerDelay, archivedShare,
                    sharedModificationInstantDeals, mutateBetweenPages, maxUrlLength, maxSearchBodyChars, threads);
        }
    }
}
