package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.SeededDeals.COUNT;
import static dev.hubspotetl.api.it.SeededDeals.DEALS;
import static dev.hubspotetl.api.it.SeededDeals.SCAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A scan's deals summarized by stage, pipeline and owner as the seed does, and exported as CSV and NDJSON. */
class DealSummaryExportIT extends ApiIntegrationTest {

    @BeforeAll
    static void seed() {
        SeededDeals.ensureSeeded();
    }

    @Test
    void shouldSummarizeLiveDealsExactlyAsTheSeedsGroupQueries() {
        Map<String, String> columns = Map.of("stage", "deal_stage", "pipeline", "pipeline", "owner", "hubspot_owner_id");
        columns.forEach((groupBy, column) -> {
            JsonNode summary = ok(api.get(KEY_A, DEALS + "/summary?groupBy=" + groupBy));
            assertThat(summary.get("group_by").stringValue()).isEqualTo(groupBy);
            Set<List<Object>> fromApi = new HashSet<>();
            summary.get("groups").forEach(g -> fromApi.add(Arrays.<Object>asList(g.get("key").isNull() ? null
                            : g.get("key").stringValue(), g.get("count").longValue(), decimal(g.get("total_amount")),
                    decimal(g.get("avg_amount")))));
            Set<List<Object>> seed = new HashSet<>(jdbc.query("SELECT " + column + ", COUNT(*) as count, "
                            + "SUM(amount) as total_amount, AVG(amount) as avg_amount FROM hubspot_deals "
                            + "WHERE scan_job_id = ? AND archived = FALSE GROUP BY " + column,
                    (rs, i) -> Arrays.<Object>asList(rs.getString(1), rs.getLong(2),
                            decimal(rs.getBigDecimal(3)), decimal(rs.getBigDecimal(4))),
                    ScanJobRepository.jobId(SCAN)));
            assertThat(fromApi).as(groupBy).isEqualTo(seed);
        });
        JsonNode byStage = ok(api.get(KEY_A, DEALS + "/summary"));
        assertThat(byStage.get("group_by").stringValue()).isEqualTo("stage");
        JsonNode closedWon = group(byStage, "closedwon");
        assertThat(closedWon.get("count").longValue()).isEqualTo(3);
        assertThat(closedWon.get("total_amount").decimalValue()).isEqualByComparingTo("52.00");
        assertThat(closedWon.get("avg_amount").decimalValue()).isEqualByComparingTo("26.00");
        assertThat(group(byStage, null).get("count").longValue()).isEqualTo(1);
        assertThat(group(ok(api.get(KEY_A, DEALS + "/summary?groupBy=owner")), null).get("total_amount").isNull())
                .isTrue();
        assertThat(fields(api.get(KEY_A, DEALS + "/summary?groupBy=colour"))).containsExactly("groupBy");
    }

    @Test
    void shouldExportCsvWithAHeaderRowAndRfc4180Quoting() {
        ApiClient.Response response = api.get(KEY_A, DEALS + "/export?format=csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("attachment").contains("deals-deals-main.csv");
        assertThat(response.body()).contains("\"Multi-year, \"\"gold\"\" tier\r\nrenewal\"");
        List<List<String>> records = CsvRecords.parse(response.body());
        List<String> header = records.get(0);
        assertThat(header).startsWith("id", "deal_id", "deal_name", "amount", "deal_stage", "close_date")
                .contains("raw_properties", "extracted_at");
        assertThat(records).hasSize(COUNT + 1);
        List<String> d02 = records.stream().filter(r -> r.get(1).equals("d02")).findFirst().orElseThrow();
        assertThat(d02.get(header.indexOf("description"))).isEqualTo("Multi-year, \"gold\" tier\r\nrenewal");
        assertThat(d02.get(header.indexOf("amount"))).isEqualTo("5000.00");
        assertThat(d02.get(header.indexOf("close_date"))).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(records.stream().skip(1).map(r -> r.get(1)).toList()).isEqualTo(SeededDeals.seedOrder(jdbc, "close_date DESC"));
    }

    @Test
    void shouldExportNdjsonOneObjectPerLineHonouringFilters() {
        ApiClient.Response response = api.get(KEY_A, DEALS + "/export?format=ndjson");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(COUNT);
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode deal = ApiClient.JSON.readTree(line);
            ids.add(deal.get("deal_id").stringValue());
            if (deal.get("deal_id").stringValue().equals("d01")) {
                assertThat(deal.get("raw_properties").get("dealname").stringValue()).isEqualTo("Website Redesign");
            }
        }
        assertThat(ids).isEqualTo(SeededDeals.seedOrder(jdbc, "close_date DESC"));

        String filtered = api.get(KEY_A, ApiClient.path(DEALS + "/export", "format", "ndjson", "stage", "closedwon",
                "sort", "amount", "direction", "asc")).body();
        assertThat(filtered.split("\n")).hasSize(4);
    }

    @Test
    void shouldAnswerExportErrorsWithTheJsonErrorBody() {
        ApiClient.Response badFormat = api.get(KEY_A, DEALS + "/export?format=xml");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.header("Content-Type")).startsWith("application/json");
        assertThat(fields(badFormat)).containsExactly("format");

        ApiClient.Response unknown = api.get(KEY_A, "/api/v1/scans/no-such-scan/deals/export?format=csv");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").stringValue()).isEqualTo("SCAN_NOT_FOUND");
        assertThat(api.get(KEY_A, "/api/v1/scans/no-such-scan/deals").status()).isEqualTo(404);
        assertThat(api.get(KEY_A, "/api/v1/scans/no-such-scan/deals/summary").status()).isEqualTo(404);
    }

    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue().stripTrailingZeros();
    }

    private static JsonNode group(JsonNode summary, String key) {
        for (JsonNode group : summary.get("groups")) {
            if (key == null ? group.get("key").isNull() : key.equals(group.get("key").stringValue())) {
                return group;
            }
        }
        throw new AssertionError("No group " + key + " in " + summary);
    }

}
