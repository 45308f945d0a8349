package dev.hubspotetl.transformer.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * A hand parser for the ISO-8601 shapes HubSpot sends nearly always: {@code 2024-02-15},
 * {@code 2024-02-15T10:30:00Z}, {@code 2024-02-15T10:30:00.123Z} and the same with a {@code +02:00}
 * offset. java.time's formatters cost more than anything else in a deal; this costs a few digits'
 * arithmetic. It knows only those shapes, valid ones: for anything else (another shape, an
 * impossible date or time, a lower-case {@code t}) it answers null and {@link DateValues} asks
 * java.time, so every other result and every rejection stays java.time's.
 */
final class CommonIsoShapes {

    private static final int DATE_LENGTH = 10;
    private static final int SECONDS_END = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_OFFSET_MINUTES = 18 * 60;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int NANOS_PER_MILLI = 1_000_000;
    /** Returned by {@link #offsetSeconds} when the rest of the text is not a {@code Z} or {@code ±HH:MM} offset. */
    private static final int NOT_AN_OFFSET = Integer.MIN_VALUE;

    private CommonIsoShapes() {
    }

    /** The instant, truncated to milliseconds, or null when the text is not one of the common shapes. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        if (length == DATE_LENGTH) {
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY);
        }
        if (length <= SECONDS_END || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = SECONDS_END;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < MAX_FRACTION_DIGITS && isDigit(text.charAt(position))) {
                nanos = nanos * 10 + text.charAt(position++) - '0';
            }
            if (position == start) {
                return null;
            }
            for (int missing = MAX_FRACTION_DIGITS - (position - start); missing > 0; missing--) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(text, position);
        if (offset == NOT_AN_OFFSET) {
            return null;
        }
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(epochSecond, nanos - nanos % NANOS_PER_MILLI);
    }

    /** {@code Z} or {@code ±HH:MM} from position to the end, within java.time's ±18:00; else NOT_AN_OFFSET. */
    private static int offsetSeconds(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return 0;
        }
        if (remaining != 6 || text.charAt(position + 3) != ':') {
            return NOT_AN_OFFSET;
        }
        char sign = text.charAt(position);
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59
                || hours * 60 + minutes > MAX_OFFSET_MINUTES) {
            return NOT_AN_OFFSET;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} ASCII digits from {@code start} (java.time reads no other digits), or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
