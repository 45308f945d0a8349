package dev.hubspotetl.simulator.search;

import dev.hubspotetl.simulator.HubSpotTime;
import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.dataset.PropertyCatalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Compares property values the way their type says: dates and date-times as instants (filters
 * may give epoch millis or ISO text), numbers as decimals, everything else as case-insensitive text.
 */
final class PropertyComparison {

    private enum Kind { TIME, NUMBER, TEXT }

    private PropertyComparison() {
    }

    /** A sortable, comparable key of a value, or null when the value is absent or unreadable for its type. */
    static Comparable<?> key(String property, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (kindOf(property)) {
            case TIME -> {
                OptionalLong millis = HubSpotTime.parseMillis(value);
                yield millis.isPresent() ? millis.getAsLong() : null;
            }
            case NUMBER -> number(value);
            case TEXT -> value.toLowerCase(Locale.ROOT);
        };
    }

    /** Compares a deal's value with a filter's value; null when either is unreadable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Integer compare(String property, String dealValue, String filterValue) {
        Comparable left = key(property, dealValue);
        Comparable right = key(property, filterValue);
        if (left == null || right == null) {
            return null;
        }
        return left.compareTo(right);
    }

    private static Kind kindOf(String property) {
        String type = PropertyCatalog.find(property).map(PropertyDefinition::type).orElse("string");
        return switch (type) {
            case "date", "datetime" -> Kind.TIME;
            case "number" -> Kind.NUMBER;
            default -> Kind.TEXT;
        };
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
