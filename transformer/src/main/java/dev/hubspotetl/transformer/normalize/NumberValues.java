package dev.hubspotetl.transformer.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numeric columns: DECIMAL(15,2) money, DECIMAL(3,2) probabilities and non-negative counts.
 *
 * <p>Accepted: an optional sign, ASCII digits with an optional fraction and exponent, surrounding
 * whitespace ({@code "1500"}, {@code "1500.5"}, {@code "1e3"}, {@code " 12 "}). Refused (null):
 * grouping separators such as {@code "1,500.00"}, because a comma is a thousands separator in one
 * locale and the decimal separator in another and HubSpot's API never sends either; currency
 * symbols, {@code NaN}, hex. Magnitudes are checked before rounding, so that an input such as
 * {@code "1e999999999"} costs nothing.
 */
final class NumberValues {

    static final int MONEY_PRECISION = 15;
    static final int PROBABILITY_PRECISION = 3;
    static final int SCALE = 2;
    /** Longer numbers are not numbers anyone typed; refusing them bounds the parsing cost. */
    private static final int MAX_LENGTH = 400;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private NumberValues() {
    }

    /** The node as an exact decimal, or null if it is absent or not a number. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || !NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // an exponent beyond int range
        }
    }

    /** DECIMAL(15,2): rounded half-up to cents; null when it does not fit. */
    static BigDecimal money(JsonNode node) {
        BigDecimal value = decimal(node);
        return value == null ? null : fit(value, MONEY_PRECISION);
    }

    /** DECIMAL(3,2) between 0 and 1 inclusive (checked before rounding); else null. */
    static BigDecimal probability(JsonNode node) {
        BigDecimal value = decimal(node);
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            return null;
        }
        return fit(value, PROBABILITY_PRECISION);
    }

    /** A whole number from 0 to Integer.MAX_VALUE ("3" and "3.0" alike); else null. */
    static Integer count(JsonNode node) {
        BigDecimal value = decimal(node);
        if (value == null || value.signum() < 0 || integerDigits(value) > 10) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null; // a fraction, or above Integer.MAX_VALUE
        }
    }

    /** The value at scale 2 if it fits {@code precision} digits after rounding, else null. */
    static BigDecimal fit(BigDecimal value, int precision) {
        long integerDigits = integerDigits(value);
        if (integerDigits > precision - SCALE) {
            return null;
        }
        if (integerDigits < -SCALE - 1) {
            return ZERO; // below 0.001 in magnitude: rounds to zero, without a costly setScale
        }
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_UP);
        return rounded.precision() > precision ? null : rounded;
    }

    /** Digits before the decimal point (negative for small fractions); long, as scale may be near Integer.MIN_VALUE. */
    static long integerDigits(BigDecimal value) {
        return (long) value.precision() - value.scale();
    }
}
