package dev.hubspotetl.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** HubSpot's two spellings of time: ISO-8601 with milliseconds in UTC, and epoch milliseconds. */
public final class HubSpotTime {

    // HubSpot always prints three fraction digits, even for whole seconds: 2024-01-15T14:22:10.000Z.
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private HubSpotTime() {
    }

    public static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /**
     * Reads any of the ways a date arrives in HubSpot data or filters: epoch millis, an ISO
     * date-time (with or without fraction or offset) or a plain date (midnight UTC).
     * Empty or unreadable text gives an empty result, never an exception.
     */
    public static OptionalLong parseMillis(String text) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        String value = text.trim();
        try {
            if (value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-') && value.indexOf('-', 1) < 0) {
                return OptionalLong.of(Long.parseLong(value));
            }
            if (value.length() == 10) {
                return OptionalLong.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            if (value.endsWith("Z") || value.lastIndexOf('+') > 9 || value.lastIndexOf('-') > 9) {
                return OptionalLong.of(OffsetDateTime.parse(value).toInstant().toEpochMilli());
            }
            return OptionalLong.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
