package dev.hubspotetl.transformer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand parser against java.time's ISO formatters ({@link DateValues#fromIsoJavaTime}, the code it
 * shortcuts): on thousands of valid and nearly valid strings, {@link DateValues#fromIso} must give
 * exactly the reference's instant or null, and the common shapes must not need java.time at all.
 */
class CommonIsoShapesTest {

    private static final long SEED = 20240305L;
    private static final int SAMPLES = 20_000;
    /** Characters a mutation puts in: digits, every separator of the shapes, their lower case, look-alikes. */
    private static final String MUTATIONS = "0123456789-:T.Z+tz /,_\u00a0\u0663\uff14\uff34";
    private static final int[] SPECIAL_YEARS = {0, 1, 4, 100, 400, 1600, 1900, 1970, 2000, 2023, 2024, 2100, 9999};

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T10:15:30.123Z,       2024-03-05T10:15:30.123Z",
            "2024-03-05T10:15:30Z,           2024-03-05T10:15:30Z",
            "2024-03-05,                     2024-03-05T00:00:00Z",
            "2024-03-05T10:15:30.123456789Z, 2024-03-05T10:15:30.123Z",
            "2024-03-05T10:15:30.1Z,         2024-03-05T10:15:30.100Z",
            "2024-02-15T10:30:00.123+02:00,  2024-02-15T08:30:00.123Z",
            "2024-02-15T23:30:00-05:30,      2024-02-16T05:00:00Z",
            "2024-01-01T00:00:00-00:00,      2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00+18:00,      2023-12-31T06:00:00Z",
            "2024-02-29,                     2024-02-29T00:00:00Z",
            "2000-02-29T12:00:00Z,           2000-02-29T12:00:00Z",
            "0001-01-01T00:00:00Z,           0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z,    9999-12-31T23:59:59.999Z",
    })
    void shouldParseTheCommonShapesWithoutJavaTime(String text, String expected) {
        assertThat(CommonIsoShapes.parse(text)).isEqualTo(Instant.parse(expected));
        assertThat(DateValues.fromIso(text)).isEqualTo(Instant.parse(expected));
        assertThat(DateValues.fromIsoJavaTime(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2023-02-29", "1900-02-29", "2100-02-29T00:00:00Z", "2024-04-31", "2024-00-10", "2024-13-01",
            "2024-01-00", "2024-02-15T24:00:00Z", "2024-02-15T10:60:00Z", "2024-02-15T10:30:60Z",
            "2024-02-15T10:30:00+18:01", "2024-02-15T10:30:00+19:00", "2024-02-15T10:30:00.Z",
            "2024-02-15T10:30:00.1234567891Z", "2024-02-15t10:30:00Z", "2024-02-15T10:30:00z",
            "2024-02-15T10:30:00", "2024-02-15T10:30Z", "2024-02-15T10:30:00+0200", "2024-02-15T10:30:00+02",
            "2024-02-15 10:30:00Z", "2024-0\u0663-15", "+2024-02-15", "20240215T103000Z",
    })
    void shouldLeaveOtherShapesAndInvalidValuesToJavaTime(String text) {
        assertThat(CommonIsoShapes.parse(text)).isNull();
        assertThat(DateValues.fromIso(text)).isEqualTo(DateValues.fromIsoJavaTime(text));
    }

    @Test
    void shouldTreatYearsOutsideOneToNineThousandNineHundredNinetyNineAsJavaTimeDoes() {
        assertThat(CommonIsoShapes.parse("0000-12-31T23:59:59Z")).isNotNull();
        assertThat(DateValues.fromIso("0000-12-31T23:59:59Z")).isNull();
        assertThat(DateValues.fromIso("0000-12-31T23:59:59-00:01")).isEqualTo(Instant.parse("0001-01-01T00:00:59Z"));
        assertThat(DateValues.fromIso("9999-12-31T23:00:00-01:00")).isNull();
        assertThat(DateValues.fromIsoJavaTime("0000-12-31T23:59:59-00:01"))
                .isEqualTo(Instant.parse("0001-01-01T00:00:59Z"));
        assertThat(DateValues.fromIsoJavaTime("9999-12-31T23:00:00-01:00")).isNull();
    }

    @Test
    void shouldAgreeWithJavaTimeOnEveryValidCommonShape() {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            String text = validShape(random);
            assertThat(CommonIsoShapes.parse(text)).as(text).isNotNull();
            assertThat(DateValues.fromIso(text)).as(text).isEqualTo(DateValues.fromIsoJavaTime(text));
        }
    }

    @Test
    void shouldAgreeWithJavaTimeOnNearlyValidStrings() {
        Random random = new Random(SEED);
        int fastPath = 0;
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String text = mutate(random.nextBoolean() ? validShape(random) : roughShape(random), random);
            Instant expected = DateValues.fromIsoJavaTime(text);
            assertThat(DateValues.fromIso(text)).as(text).isEqualTo(expected);
            fastPath += CommonIsoShapes.parse(text) != null ? 1 : 0;
            accepted += expected != null ? 1 : 0;
            rejected += expected == null ? 1 : 0;
        }
        // the samples must cover both sides of java.time's line, and the fast path on both
        assertThat(fastPath).isGreaterThan(SAMPLES / 10);
        assertThat(accepted).isGreaterThan(SAMPLES / 5);
        assertThat(rejected).isGreaterThan(SAMPLES / 5);
    }

    /** One of the shapes the fast path knows, with valid fields of any length. */
    private static String validShape(Random random) {
        int year = random.nextInt(4) == 0
                ? SPECIAL_YEARS[random.nextInt(SPECIAL_YEARS.length)] : random.nextInt(10_000);
        int month = 1 + random.nextInt(12);
        int days = Month.of(month).length(Year.isLeap(year));
        int day = random.nextInt(3) == 0 ? days : 1 + random.nextInt(days);
        String date = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        if (random.nextInt(5) == 0) {
            return date;
        }
        String time = String.format(Locale.ROOT, "T%02d:%02d:%02d",
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        int offsetMinutes = random.nextInt(18 * 60 + 1);
        String zone = random.nextBoolean()
                ? "Z" : offset(random.nextBoolean() ? '+' : '-', offsetMinutes / 60, offsetMinutes % 60);
        return date + time + fraction(random, 1 + random.nextInt(9)) + zone;
    }

    /** The same layout with fields slightly out of their ranges. */
    private static String roughShape(Random random) {
        String date = String.format(Locale.ROOT, "%04d-%02d-%02d", SPECIAL_YEARS[random.nextInt(SPECIAL_YEARS.length)],
                random.nextInt(14), random.nextInt(33));
        if (random.nextInt(5) == 0) {
            return date;
        }
        String time = String.format(Locale.ROOT, "T%02d:%02d:%02d",
                random.nextInt(26), random.nextInt(62), random.nextInt(62));
        String zone = random.nextBoolean()
                ? "Z" : offset(random.nextBoolean() ? '+' : '-', random.nextInt(20), random.nextInt(62));
        return date + time + fraction(random, random.nextInt(12)) + zone;
    }

    private static String fraction(Random random, int digits) {
        if (digits == 0) {
            return random.nextBoolean() ? "" : ".";
        }
        StringBuilder fraction = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            fraction.append((char) ('0' + random.nextInt(10)));
        }
        return fraction.toString();
    }

    private static String offset(char sign, int hours, int minutes) {
        return String.format(Locale.ROOT, "%c%02d:%02d", sign, hours, minutes);
    }

    /** Nothing, or one character replaced, removed or added, or the end cut off. */
    private static String mutate(String text, Random random) {
        int position = random.nextInt(text.length());
        char character = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        return switch (random.nextInt(5)) {
            case 0 -> text;
            case 1 -> text.substring(0, position) + character + text.substring(position + 1);
            case 2 -> text.substring(0, position) + text.substring(position + 1);
            case 3 -> text.substring(0, position) + character + text.substring(position);
            default -> text.substring(0, position);
        };
    }
}
