package dev.hubspotetl.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Instants given by clients: an ISO-8601 date-time with an offset, or a plain date. */
final class IsoInstants {

    static final String EXPECTED = "must be an ISO-8601 date-time with offset (2024-06-01T00:00:00Z) or a date (2024-06-01)";

    /** What the client wrote, read either as a date or as a date-time. */
    record Parsed(LocalDate date, Instant instant) {

        boolean isDate() {
            return date != null;
        }

        /** The instant itself, or the date's midnight UTC. */
        Instant start() {
            return isDate() ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : instant;
        }
    }

    private IsoInstants() {
    }

    /** Null when the text is neither. */
    static Parsed parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return new Parsed(LocalDate.parse(text), null);
            }
            return new Parsed(null, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
