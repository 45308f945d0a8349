package dev.hubspotetl.transformer.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamp columns, in UTC at millisecond precision (Avro timestamp-millis). HubSpot sends
 * date-times as ISO-8601 with an offset ({@code 2024-02-15T10:30:00.123+02:00}), dates as
 * {@code 2024-02-15} (midnight UTC, as HubSpot stores date properties), and some integrations write
 * epoch milliseconds, also as floats ({@code 1707955200000.0}, {@code 1.7079552E12}). Anything else,
 * including a date-time without an offset (its zone is unknowable), an impossible calendar date,
 * or a year outside 1 to 9999 (beyond what every consumer's timestamp type holds), is null.
 */
final class DateValues {

    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");
    /** Epoch millis of year 9999 have 15 integer digits; more cannot be in range. */
    private static final int MAX_MILLIS_DIGITS = 15;

    private DateValues() {
    }

    static Instant instant(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return fromEpochMillis(node.decimalValue());
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue().strip();
        if (text.length() >= 10 && text.charAt(4) == '-') {
            return fromIso(text);
        }
        return fromEpochMillis(NumberValues.decimal(node));
    }

    static Instant fromIso(String text) {
        Instant common = CommonIsoShapes.parse(text);
        return common != null ? inRange(common) : fromIsoJavaTime(text);
    }

    /** java.time's ISO formatters: every shape {@link CommonIsoShapes} leaves, and its reference in tests. */
    static Instant fromIsoJavaTime(String text) {
        try {
            Instant instant = text.length() == 10
                    ? LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return inRange(instant.truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant fromEpochMillis(BigDecimal millis) {
        if (millis == null || NumberValues.integerDigits(millis) > MAX_MILLIS_DIGITS) {
            return null;
        }
        // below 0.1 in magnitude it rounds to 0; skipping setScale keeps "1e-999999999" cheap
        long rounded = NumberValues.integerDigits(millis) < 0
                ? 0 : millis.setScale(0, RoundingMode.HALF_UP).longValue();
        return inRange(Instant.ofEpochMilli(rounded));
    }

    private static Instant inRange(Instant instant) {
        return instant.isBefore(MIN) || instant.isAfter(MAX) ? null : instant;
    }
}
