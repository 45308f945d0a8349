package dev.hubspotetl.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.TransformerDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §5 as a table: one row per awkward value of a mapped property, through the real
 * topology. Every row also proves that an untypable value never fails the deal and that the value
 * stays, as sent, in raw_properties.
 */
class NormalizationRulesTest {

    private static final JsonNode ABSENT = MissingNode.getInstance();
    private static final Map<String, Function<Deal, Object>> COLUMNS = Map.ofEntries(
            Map.entry("dealname", Deal::getDealName),
            Map.entry("amount", Deal::getAmount),
            Map.entry("dealstage", Deal::getDealStage),
            Map.entry("closedate", Deal::getCloseDate),
            Map.entry("pipeline", Deal::getPipeline),
            Map.entry("dealtype", Deal::getDealType),
            Map.entry("hubspot_owner_id", Deal::getHubspotOwnerId),
            Map.entry("hs_deal_stage_probability", Deal::getDealStageProbability),
            Map.entry("description", Deal::getDescription),
            Map.entry("hs_analytics_source", Deal::getAnalyticsSource),
            Map.entry("num_associated_contacts", Deal::getNumAssociatedContacts),
            Map.entry("hs_priority", Deal::getPriority),
            Map.entry("hs_next_step", Deal::getNextStep),
            Map.entry("hs_forecast_amount", Deal::getForecastAmount),
            Map.entry("hs_forecast_probability", Deal::getForecastProbability),
            Map.entry("createdate", Deal::getHubspotCreatedAt),
            Map.entry("hs_lastmodifieddate", Deal::getHubspotUpdatedAt));

    record Row(String property, JsonNode value, Object expected) {

        @Override
        public String toString() {
            return property + " = " + shorten(value.isMissingNode() ? "(absent)" : value.toString())
                    + " -> " + shorten(String.valueOf(expected));
        }

        private static String shorten(String text) {
            return text.length() <= 40 ? text : text.substring(0, 18) + "...(" + text.length() + " chars)";
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        textRows(rows);
        moneyRows(rows);
        probabilityRows(rows);
        dateRows(rows);
        countRows(rows);
        return rows.stream();
    }

    private static void textRows(List<Row> rows) {
        rows.add(new Row("dealname", str("New Website Project"), "New Website Project"));
        rows.add(new Row("dealname", str(""), null));
        rows.add(new Row("dealname", NullNode.getInstance(), null));
        rows.add(new Row("dealname", ABSENT, null));
        rows.add(new Row("dealname", str("  spaced  "), "  spaced  "));
        rows.add(new Row("dealname", str("Café ☕ 東京"), "Café ☕ 東京"));
        rows.add(new Row("dealname", str("a\u0000b"), "ab"));
        rows.add(new Row("dealname", LongNode.valueOf(123), "123"));
        rows.add(new Row("dealname", BooleanNode.TRUE, "true"));
        rows.add(new Row("dealname", RawPages.JSON.createObjectNode().put("a", 1), null));
        rows.add(new Row("dealname", RawPages.JSON.createArrayNode().add("x"), null));
        rows.add(new Row("dealname", str("x".repeat(500)), "x".repeat(500)));
        rows.add(new Row("dealname", str("x".repeat(501)), "x".repeat(500)));
        // 499 letters and two rockets: 501 code points, cut after the first rocket, never inside it
        rows.add(new Row("dealname", str("x".repeat(499) + "🚀🚀"), "x".repeat(499) + "🚀"));
        rows.add(new Row("dealname", str("x".repeat(498) + "🚀🚀"), "x".repeat(498) + "🚀🚀"));
        rows.add(new Row("dealname", str("é".repeat(600)), "é".repeat(500)));
        rows.add(new Row("dealstage", str("closedwon"), "closedwon"));
        rows.add(new Row("dealstage", str("s".repeat(101)), "s".repeat(100)));
        rows.add(new Row("pipeline", str("p".repeat(101)), "p".repeat(100)));
        rows.add(new Row("dealtype", str("t".repeat(101)), "t".repeat(100)));
        rows.add(new Row("hubspot_owner_id", str("o".repeat(256)), "o".repeat(255)));
        rows.add(new Row("hs_analytics_source", str("a".repeat(256)), "a".repeat(255)));
        rows.add(new Row("hs_priority", str("high"), "high"));
        rows.add(new Row("hs_priority", str("h".repeat(51)), "h".repeat(50)));
        rows.add(new Row("hs_next_step", str("n".repeat(501)), "n".repeat(500)));
        rows.add(new Row("description", str("d".repeat(100_000)), "d".repeat(100_000)));
        rows.add(new Row("description", str(""), null));
    }

    private static void moneyRows(List<Row> rows) {
        rows.add(new Row("amount", str("1500"), dec("1500.00")));
        rows.add(new Row("amount", str("1500.5"), dec("1500.50")));
        rows.add(new Row("amount", str("1500.555"), dec("1500.56")));
        rows.add(new Row("amount", str("1500.545"), dec("1500.55")));
        rows.add(new Row("amount", str("1500.544999"), dec("1500.54")));
        rows.add(new Row("amount", str("-1.005"), dec("-1.01")));
        rows.add(new Row("amount", str("1,500.00"), null));
        rows.add(new Row("amount", str("1.500,00"), null));
        rows.add(new Row("amount", str("1e3"), dec("1000.00")));
        rows.add(new Row("amount", str("1.5E+3"), dec("1500.00")));
        rows.add(new Row("amount", str(" 12 "), dec("12.00")));
        rows.add(new Row("amount", str("+7"), dec("7.00")));
        rows.add(new Row("amount", str(".5"), dec("0.50")));
        rows.add(new Row("amount", str("0"), dec("0.00")));
        rows.add(new Row("amount", str("0.004"), dec("0.00")));
        rows.add(new Row("amount", str("abc"), null));
        rows.add(new Row("amount", str("NaN"), null));
        rows.add(new Row("amount", str("Infinity"), null));
        rows.add(new Row("amount", str("0x10"), null));
        rows.add(new Row("amount", str("$100"), null));
        rows.add(new Row("amount", str("100 USD"), null));
        rows.add(new Row("amount", str("١٢"), null));
        rows.add(new Row("amount", str(""), null));
        rows.add(new Row("amount", NullNode.getInstance(), null));
        rows.add(new Row("amount", ABSENT, null));
        rows.add(new Row("amount", DecimalNode.valueOf(new BigDecimal("1500.5")), dec("1500.50")));
        rows.add(new Row("amount", BooleanNode.TRUE, null));
        rows.add(new Row("amount", str("9999999999999.99"), dec("9999999999999.99")));
        rows.add(new Row("amount", str("-9999999999999.99"), dec("-9999999999999.99")));
        rows.add(new Row("amount", str("9999999999999.995"), null));
        rows.add(new Row("amount", str("10000000000000"), null));
        rows.add(new Row("amount", str("1e999999999"), null));
        rows.add(new Row("amount", str("1e-999999999"), dec("0.00")));
        rows.add(new Row("amount", str("1e99999999999"), null));
        rows.add(new Row("amount", str("1" + "0".repeat(500)), null));
        rows.add(new Row("hs_forecast_amount", str("2500.75"), dec("2500.75")));
        rows.add(new Row("hs_forecast_amount", str("2,500"), null));
        rows.add(new Row("hs_forecast_amount", str("2500.005"), dec("2500.01")));
    }

    private static void probabilityRows(List<Row> rows) {
        rows.add(new Row("hs_deal_stage_probability", str("0.2"), dec("0.20")));
        rows.add(new Row("hs_deal_stage_probability",
                str("0.200000000000000011102230246251565404236316680908203125"), dec("0.20")));
        rows.add(new Row("hs_deal_stage_probability", str("0"), dec("0.00")));
        rows.add(new Row("hs_deal_stage_probability", str("1"), dec("1.00")));
        rows.add(new Row("hs_deal_stage_probability", str("1.0"), dec("1.00")));
        rows.add(new Row("hs_deal_stage_probability", str("0.555"), dec("0.56")));
        rows.add(new Row("hs_deal_stage_probability", str("0.999"), dec("1.00")));
        rows.add(new Row("hs_deal_stage_probability", str("1.001"), null));
        rows.add(new Row("hs_deal_stage_probability", str("-0.1"), null));
        rows.add(new Row("hs_deal_stage_probability", str("20"), null));
        rows.add(new Row("hs_deal_stage_probability", str("abc"), null));
        rows.add(new Row("hs_deal_stage_probability", str(""), null));
        rows.add(new Row("hs_forecast_probability", str("0.75"), dec("0.75")));
        rows.add(new Row("hs_forecast_probability", str("1.5"), null));
        rows.add(new Row("hs_forecast_probability", str("5e-1"), dec("0.50")));
    }

    private static void dateRows(List<Row> rows) {
        rows.add(new Row("closedate", str("2024-02-15T10:30:00Z"), at("2024-02-15T10:30:00Z")));
        rows.add(new Row("closedate", str("2024-02-15T10:30:00.123+02:00"), at("2024-02-15T08:30:00.123Z")));
        rows.add(new Row("closedate", str("2024-02-15T10:30:00-05:00"), at("2024-02-15T15:30:00Z")));
        rows.add(new Row("closedate", str("2024-02-15T10:30:00.123456Z"), at("2024-02-15T10:30:00.123Z")));
        rows.add(new Row("closedate", str("2024-02-15T10:30Z"), at("2024-02-15T10:30:00Z")));
        rows.add(new Row("closedate", str(" 2024-02-15T10:30:00Z "), at("2024-02-15T10:30:00Z")));
        rows.add(new Row("closedate", str("2024-02-15"), at("2024-02-15T00:00:00Z")));
        rows.add(new Row("closedate", str("1707955200000"), at("2024-02-15T00:00:00Z")));
        rows.add(new Row("closedate", str("1707955200000.0"), at("2024-02-15T00:00:00Z")));
        rows.add(new Row("closedate", str("1707955200123.6"), at("2024-02-15T00:00:00.124Z")));
        rows.add(new Row("closedate", str("1.7079552E12"), at("2024-02-15T00:00:00Z")));
        rows.add(new Row("closedate", LongNode.valueOf(1707955200000L), at("2024-02-15T00:00:00Z")));
        rows.add(new Row("closedate", str("2024-02-15T10:30:00"), null));
        rows.add(new Row("closedate", str("2024-02-15 10:30:00"), null));
        rows.add(new Row("closedate", str("2024-02-30"), null));
        rows.add(new Row("closedate", str("2024-13-01"), null));
        rows.add(new Row("closedate", str("2024-02-15T25:00:00Z"), null));
        rows.add(new Row("closedate", str("15/02/2024"), null));
        rows.add(new Row("closedate", str("yesterday"), null));
        rows.add(new Row("closedate", str("99999999999999999"), null));
        rows.add(new Row("closedate", str("-62135596800001"), null));
        rows.add(new Row("closedate", str("1e-999999999"), at("1970-01-01T00:00:00Z")));
        rows.add(new Row("closedate", str(""), null));
        rows.add(new Row("closedate", NullNode.getInstance(), null));
        rows.add(new Row("closedate", BooleanNode.TRUE, null));
    }

    private static void countRows(List<Row> rows) {
        rows.add(new Row("num_associated_contacts", str("3"), 3));
        rows.add(new Row("num_associated_contacts", str("0"), 0));
        rows.add(new Row("num_associated_contacts", str("3.0"), 3));
        rows.add(new Row("num_associated_contacts", str(" 4 "), 4));
        rows.add(new Row("num_associated_contacts", LongNode.valueOf(5), 5));
        rows.add(new Row("num_associated_contacts", str("2.5"), null));
        rows.add(new Row("num_associated_contacts", str("-1"), null));
        rows.add(new Row("num_associated_contacts", str("2147483648"), null));
        rows.add(new Row("num_associated_contacts", str("1e999999999"), null));
        rows.add(new Row("num_associated_contacts", str("abc"), null));
        rows.add(new Row("num_associated_contacts", str(""), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldTypeEachValueAsItsColumnAllowsAndKeepTheOriginal(Row row) throws Exception {
        ObjectNode result = RawPages.result("51");
        if (!row.value().isMissingNode()) {
            ((ObjectNode) result.get("properties")).set(row.property(), row.value());
        }

        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-1", "org-1", 0, List.of(result)));

            List<TestRecord<String, Deal>> deals = driver.deals();
            assertThat(deals).hasSize(1);
            Deal deal = deals.get(0).value();
            assertThat(COLUMNS.get(row.property()).apply(deal)).isEqualTo(row.expected());
            assertThat(driver.events()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
            JsonNode raw = RawPages.JSON.readTree(deal.getRawProperties());
            if (row.value().isMissingNode()) {
                assertThat(raw.has(row.property())).isFalse();
            } else {
                assertThat(raw.get(row.property()).toString()).isEqualTo(row.value().toString());
            }
        }
    }

    private static JsonNode str(String value) {
        return TextNode.valueOf(value);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static Instant at(String value) {
        return Instant.parse(value);
    }
}
