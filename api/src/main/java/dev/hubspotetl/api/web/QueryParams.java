package dev.hubspotetl.api.web;

import dev.hubspotetl.api.deals.DealFilter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters, collecting every bad one so that a 400 lists them all. Values a client
 * picks from a fixed set (status, sort, format...) are resolved to constants here; free text is only
 * ever bound as a SQL parameter later.
 */
final class QueryParams {

    static final int MAX_TEXT = 500;

    private final List<ApiError.Detail> errors = new ArrayList<>();

    /** Page index (0-based) and size (1 to max, default when absent). */
    record Paging(int page, int size) {

        long offset() {
            return (long) page * size;
        }
    }

    Paging paging(String page, String size, int defaultSize, int maxSize) {
        int p = integer("page", page, 0, 0, Integer.MAX_VALUE / maxSize, "must be an integer from 0");
        int s = integer("size", size, defaultSize, 1, maxSize, "must be an integer from 1 to " + maxSize);
        return new Paging(p, s);
    }

    private int integer(String name, String value, int absent, int min, int max, String message) {
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ApiError.Detail(name, message));
        return absent;
    }

    /** One value of a fixed set; {@code absent} when not given, null (and an error) when not in the set. */
    <T> T oneOf(String name, String value, Function<String, Optional<T>> lookup, T absent, List<String> allowed) {
        if (value == null) {
            return absent;
        }
        Optional<T> found = lookup.apply(value);
        if (found.isEmpty()) {
            errors.add(new ApiError.Detail(name, "must be one of " + String.join(", ", allowed)));
            return absent;
        }
        return found.get();
    }

    String text(String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new ApiError.Detail(name, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value;
    }

    Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new ApiError.Detail(name, "must be true or false"));
        return null;
    }

    /**
     * The deal filters shared by list and export. A close_to date includes its whole day: the bound
     * becomes its last microsecond, PostgreSQL's timestamp resolution.
     */
    DealFilter dealFilter(String stage, String pipeline, String owner, String closeFrom, String closeTo,
                          String archived, String q) {
        LocalDateTime from = time("close_from", closeFrom, false);
        LocalDateTime to = time("close_to", closeTo, true);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new ApiError.Detail("close_to", "must not be before close_from"));
        }
        return new DealFilter(text("stage", stage), text("pipeline", pipeline), text("owner", owner), from, to,
                bool("archived", archived), q == null || q.isEmpty() ? null : text("q", q));
    }

    private LocalDateTime time(String name, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        IsoInstants.Parsed parsed = IsoInstants.parse(value);
        if (parsed == null) {
            errors.add(new ApiError.Detail(name, IsoInstants.EXPECTED));
            return null;
        }
        LocalDateTime start = LocalDateTime.ofInstant(parsed.start(), ZoneOffset.UTC);
        return parsed.isDate() && endOfDay ? start.plusDays(1).minus(1, ChronoUnit.MICROS) : start;
    }

    /** Throws the 400 listing every bad parameter, if there is any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
