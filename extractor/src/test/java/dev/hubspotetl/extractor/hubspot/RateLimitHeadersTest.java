package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void shouldReadHubSpotsRateLimitHeaders() {
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "X-HubSpot-RateLimit-Max", List.of("100"),
                "X-HubSpot-RateLimit-Remaining", List.of("42"),
                "X-HubSpot-RateLimit-Interval-Milliseconds", List.of("10000"),
                "X-HubSpot-RateLimit-Secondly", List.of("5"),
                "X-HubSpot-RateLimit-Secondly-Remaining", List.of("4"),
                "Retry-After", List.of("3")), (name, value) -> true);

        assertThat(RateLimitHeaders.from(headers)).isEqualTo(new RateLimitHeaders(100, 42, 10_000, 5, 4, 3_000));
    }

    @Test
    void shouldMarkAbsentOrUnreadableHeadersAsUnknown() {
        HttpHeaders headers = HttpHeaders.of(Map.of("X-HubSpot-RateLimit-Max", List.of("lots")), (n, v) -> true);

        assertThat(RateLimitHeaders.from(headers)).isEqualTo(RateLimitHeaders.NONE);
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAsAnHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));

        assertThat(RateLimitHeaders.retryAfter("2")).isEqualTo(2_000);
        assertThat(RateLimitHeaders.retryAfter(inTenSeconds)).isBetween(8_000L, 10_000L);
        assertThat(RateLimitHeaders.retryAfter("soon")).isEqualTo(-1);
        assertThat(RateLimitHeaders.retryAfter(null)).isEqualTo(-1);
    }
}
