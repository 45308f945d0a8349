package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.HubSpotTime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Property values with the mess real portals accumulate: {@code ""} and {@code null} for unset,
 * numbers with and without decimals, three spellings of a date, every script and emoji in names.
 */
final class MessyValues {

    static final List<String> OWNER_IDS = List.of("52550153", "52550154", "61234987", "61234988", "70000011",
            "70000012", "81930455", "81930456", "90011223", "90011224", "1234567", "987654321");

    static final List<String> ANALYTICS_SOURCES = List.of("ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING",
            "SOCIAL_MEDIA", "REFERRALS", "OTHER_CAMPAIGNS", "DIRECT_TRAFFIC", "OFFLINE", "PAID_SOCIAL");

    private static final List<String> COMPANIES = List.of("Acme Corp", "Globex", "Initech", "Umbrella Health",
            "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Imports", "Soylent Foods", "Tyrell Systems",
            "Cyberdyne", "Wonka Industries", "Oceanic Airlines", "Pied Piper", "Dunder Mifflin");

    private static final List<String> INTERNATIONAL = List.of("Société Générale – Übernahme Ørsted",
            "Müller & Söhne GmbH – Großauftrag", "株式会社テスト 年間契約", "北京数据科技有限公司 续约",
            "Компания Ромашка — продление", "شركة الأفق للتقنية - تجديد", "Ελληνικά Τρόφιμα ΑΕ", "ñandú S.A. – Año 2",
            "São Paulo Logística — Expansão", "삼성 파트너십 계약", "Zürich Versicherung \"Q4\" deal");

    private static final List<String> EMOJI = List.of("🚀 Rocket launch 🎉", "💰 Big one 💰", "🔥 Hot lead – Q3 🔥",
            "🤝 Partnership ✅", "📈 Upsell 👩‍💻 team", "🇩🇪 DACH expansion 🇦🇹🇨🇭");

    private static final List<String> PRODUCTS = List.of("Renewal", "Expansion", "New Business", "Upsell",
            "Pilot", "Enterprise Licence", "Professional Services", "Support Add-on");

    private static final List<String> NEXT_STEPS = List.of("Send proposal", "Call \"Bob\" re: pricing",
            "Legal review\nthen sign", "Demo on Tuesday, 10:00", "Waiting for PO\tfrom finance", "Follow up 🙏");

    private MessyValues() {
    }

    static String dealName(Random r, int index) {
        double draw = r.nextDouble();
        if (draw < 0.03) {
            return "";
        }
        if (draw < 0.04) {
            return longName(r);
        }
        if (draw < 0.12) {
            return pick(r, INTERNATIONAL);
        }
        if (draw < 0.17) {
            return pick(r, EMOJI) + " " + pick(r, COMPANIES);
        }
        return pick(r, COMPANIES) + " - " + pick(r, PRODUCTS) + " " + (2019 + r.nextInt(7)) + " #" + index;
    }

    // Over 500 characters: longer than many deal_name columns, so a loader must truncate, not fail.
    private static String longName(Random r) {
        StringBuilder name = new StringBuilder(pick(r, COMPANIES)).append(" – ");
        while (name.length() < 520 + r.nextInt(300)) {
            name.append(pick(r, PRODUCTS)).append(" / ").append(pick(r, INTERNATIONAL)).append(" / ");
        }
        return name.toString();
    }

    static String amount(Random r) {
        double draw = r.nextDouble();
        long whole = 500 + (long) (r.nextDouble() * r.nextDouble() * 250_000);
        if (draw < 0.40) {
            return Long.toString(whole);
        }
        if (draw < 0.65) {
            return whole + "." + twoDigits(r.nextInt(100));
        }
        if (draw < 0.70) {
            return BigDecimal.valueOf(r.nextDouble() * 10_000).setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        if (draw < 0.75) {
            return "0";
        }
        if (draw < 0.755) {
            return "123456789012345678.99"; // beyond any sane numeric column
        }
        return draw < 0.90 ? "" : null;
    }

    static String closeDate(Random r, Instant createdAt) {
        Instant close = createdAt.plus(1 + r.nextInt(240), ChronoUnit.DAYS).plusMillis(r.nextInt(86_400_000));
        double draw = r.nextDouble();
        if (draw < 0.50) {
            return HubSpotTime.format(close);
        }
        if (draw < 0.60) {
            return close.truncatedTo(ChronoUnit.DAYS).toString(); // 2024-03-31T00:00:00Z, no fraction
        }
        if (draw < 0.75) {
            return close.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (draw < 0.85) {
            return Long.toString(close.toEpochMilli());
        }
        return draw < 0.95 ? "" : null;
    }

    static String description(Random r, boolean huge) {
        if (huge) {
            return HugeText.OF_100_KB;
        }
        double draw = r.nextDouble();
        if (draw < 0.60) {
            return "Customer asked about " + pick(r, PRODUCTS).toLowerCase() + ". Notes: <b>priority</b> & \"urgent\"; "
                    + pick(r, NEXT_STEPS);
        }
        return draw < 0.85 ? "" : null;
    }

    static String forecastProbability(Random r) {
        double draw = r.nextDouble();
        if (draw < 0.60) {
            return "0." + (5 + r.nextInt(90));
        }
        if (draw < 0.70) {
            return Integer.toString(10 + r.nextInt(90)); // a percentage typed where a fraction belongs
        }
        return draw < 0.90 ? "" : null;
    }

    static String forecastAmount(String amount, String probability) {
        try {
            return new BigDecimal(amount).multiply(new BigDecimal(probability))
                    .setScale(2, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException | NullPointerException e) {
            return "";
        }
    }

    static String owner(Random r) {
        return r.nextDouble() < 0.15 ? "" : pick(r, OWNER_IDS);
    }

    static String nextStep(Random r) {
        return r.nextDouble() < 0.5 ? pick(r, NEXT_STEPS) : "";
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static String orEmpty(Random r, double emptyShare, String value) {
        return r.nextDouble() < emptyShare ? "" : value;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** One shared 100 KB description: the size matters to a loader, not its uniqueness. */
    private static final class HugeText {
        static final String OF_100_KB = build();

        private static String build() {
            StringBuilder text = new StringBuilder(102_400);
            int line = 0;
            while (text.length() < 102_400) {
                text.append("Meeting notes line ").append(line++)
                        .append(": discussed rollout, pricing tiers, SSO, data residency (EU/US) – ✓ agreed. ");
            }
            return text.substring(0, 102_400);
        }
    }
}
