package dev.hubspotetl.extractor.hubspot;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HubSpot's rate-limit headers of one answer; -1 where a header is absent or unreadable.
 *
 * @param max               X-HubSpot-RateLimit-Max: calls per interval
 * @param remaining         X-HubSpot-RateLimit-Remaining: calls left in the current interval
 * @param intervalMillis    X-HubSpot-RateLimit-Interval-Milliseconds
 * @param secondly          X-HubSpot-RateLimit-Secondly
 * @param secondlyRemaining X-HubSpot-RateLimit-Secondly-Remaining
 * @param retryAfterMillis  Retry-After (seconds or an HTTP date), in milliseconds
 */
record RateLimitHeaders(int max, int remaining, long intervalMillis, int secondly, int secondlyRemaining,
                        long retryAfterMillis) {

    static final RateLimitHeaders NONE = new RateLimitHeaders(-1, -1, -1, -1, -1, -1);

    static RateLimitHeaders from(HttpHeaders headers) {
        return new RateLimitHeaders(
                (int) number(headers, "X-HubSpot-RateLimit-Max"),
                (int) number(headers, "X-HubSpot-RateLimit-Remaining"),
                number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds"),
                (int) number(headers, "X-HubSpot-RateLimit-Secondly"),
                (int) number(headers, "X-HubSpot-RateLimit-Secondly-Remaining"),
                retryAfter(headers.firstValue("Retry-After").orElse(null)));
    }

    private static long number(HttpHeaders headers, String name) {
        String value = headers.firstValue(name).orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static long retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String text = value.trim();
        try {
            return Duration.ofSeconds(Long.parseLong(text)).toMillis();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }
}
