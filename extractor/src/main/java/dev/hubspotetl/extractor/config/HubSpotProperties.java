package dev.hubspotetl.extractor.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code etl.hubspot.*}: the API, the credentials and how hard the extractor may use them.
 *
 * @param baseUrl            HubSpot's API root, {@code https://api.hubapi.com} in production
 * @param credentials        credential reference to private-app token ({@code etl.hubspot.credentials.<ref>})
 * @param credentialsDir     optional directory of mounted secrets, one file per reference holding its token
 * @param rateLimit          the budget spent per credential
 * @param retry              how transient failures are retried
 * @param connectTimeout     TCP connect timeout
 * @param requestTimeout     timeout of one HTTP exchange, body included
 * @param maxUrlLength       longest request target sent; longer property lists are split over requests
 * @param maxSearchBodyChars longest search body sent (HubSpot answers 400 over 3,000 characters)
 */
public record HubSpotProperties(URI baseUrl, Map<String, String> credentials, Path credentialsDir,
                                RateLimit rateLimit, Retry retry, Duration connectTimeout, Duration requestTimeout,
                                int maxUrlLength, int maxSearchBodyChars) {

    public HubSpotProperties {
        Objects.requireNonNull(baseUrl, "etl.hubspot.base-url must be set");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("etl.hubspot.base-url must be an http(s) URL, was " + baseUrl);
        }
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        credentials.forEach((ref, token) -> {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("etl.hubspot.credentials." + ref + " is blank");
            }
        });
        Objects.requireNonNull(rateLimit, "etl.hubspot.rate-limit must be set");
        Objects.requireNonNull(retry, "etl.hubspot.retry must be set");
        requirePositive("etl.hubspot.connect-timeout", connectTimeout);
        requirePositive("etl.hubspot.request-timeout", requestTimeout);
        if (maxUrlLength < 256) {
            throw new IllegalArgumentException("etl.hubspot.max-url-length must be at least 256, was " + maxUrlLength);
        }
        if (maxSearchBodyChars < 256) {
            throw new IllegalArgumentException(
                    "etl.hubspot.max-search-body-chars must be at least 256, was " + maxSearchBodyChars);
        }
    }

    // Tokens are secrets: a record's generated toString would print them.
    @Override
    public String toString() {
        return "HubSpotProperties[baseUrl=" + baseUrl + ", credentials=" + credentials.keySet()
                + ", credentialsDir=" + credentialsDir + ", rateLimit=" + rateLimit + ", retry=" + retry + "]";
    }

    /**
     * The proactive budget per credential; 0 turns a limit off.
     *
     * @param requests        calls per rolling window (HubSpot Starter: 100 per 10 s)
     * @param window          the rolling window
     * @param searchPerSecond search calls per second (HubSpot: 5)
     * @param margin          extra time a call occupies the rolling window, against a HubSpot that counts
     *                        calls a little later than it answers them
     */
    public record RateLimit(int requests, Duration window, int searchPerSecond, Duration margin) {

        public RateLimit {
            if (requests < 0 || searchPerSecond < 0) {
                throw new IllegalArgumentException("etl.hubspot.rate-limit.requests and .search-per-second must be"
                        + " >= 0 (0 = off), were " + requests + " and " + searchPerSecond);
            }
            requirePositive("etl.hubspot.rate-limit.window", window);
            margin = margin == null ? Duration.ZERO : margin;
        }
    }

    /**
     * Retries of 5xx answers, timeouts, dropped connections and malformed pages, and waits on 429.
     *
     * @param maxAttempts         attempts per call, the first included
     * @param baseBackoff         backoff before the second attempt; doubles each time, with jitter
     * @param maxBackoff          the longest backoff
     * @param maxRateLimitRetries 429 answers tolerated per call before the scan fails
     */
    public record Retry(int maxAttempts, Duration baseBackoff, Duration maxBackoff, int maxRateLimitRetries) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("etl.hubspot.retry.max-attempts must be at least 1, was "
                        + maxAttempts);
            }
            requirePositive("etl.hubspot.retry.base-backoff", baseBackoff);
            requirePositive("etl.hubspot.retry.max-backoff", maxBackoff);
            if (maxRateLimitRetries < 0) {
                throw new IllegalArgumentException("etl.hubspot.retry.max-rate-limit-retries must be >= 0");
            }
        }
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
