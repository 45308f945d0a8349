package dev.hubspotetl.api.deals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a client may ask for. The ORDER BY text comes only from these constants, never from the
 * request. NULLs sort as PostgreSQL sorts them (after every value ascending, first descending), as the
 * seed's {@code ORDER BY close_date DESC} does; deal_id breaks ties so that pages never overlap.
 */
public record DealSort(Field field, Direction direction) {

    public static final DealSort DEFAULT = new DealSort(Field.CLOSE_DATE, Direction.DESC);

    public enum Field {
        CLOSE_DATE("close_date"), AMOUNT("amount"), DEAL_NAME("deal_name");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        public String parameterValue() {
            return column;
        }

        public static Optional<Field> of(String value) {
            return Arrays.stream(values()).filter(f -> f.column.equals(value)).findFirst();
        }
    }

    public enum Direction {
        ASC, DESC;

        public static Optional<Direction> of(String value) {
            return Arrays.stream(values()).filter(d -> d.name().toLowerCase(Locale.ROOT).equals(value)).findFirst();
        }
    }

    String orderBy() {
        return " ORDER BY " + field.column + " " + direction.name() + ", deal_id " + direction.name();
    }
}
