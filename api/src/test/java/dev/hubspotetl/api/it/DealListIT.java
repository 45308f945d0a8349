package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static dev.hubspotetl.api.it.SeededDeals.COUNT;
import static dev.hubspotetl.api.it.SeededDeals.DEALS;
import static dev.hubspotetl.api.it.SeededDeals.HOSTILE;
import static dev.hubspotetl.api.it.SeededDeals.SCAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/scans/{id}/deals: pages, filters, whitelisted sorts and hostile search terms. */
class DealListIT extends ApiIntegrationTest {

    @BeforeAll
    static void seed() {
        SeededDeals.ensureSeeded();
    }

    @Test
    void shouldPageTheScansDealsByCloseDateDescendingAsTheSeedDoes() {
        JsonNode page = ok(api.get(KEY_A, DEALS));

        assertThat(page.get("total").longValue()).isEqualTo(COUNT);
        assertThat(dealIds(page)).isEqualTo(SeededDeals.seedOrder(jdbc, "close_date DESC"));
        JsonNode d01 = find(page, "d01");
        assertThat(d01.get("deal_name").stringValue()).isEqualTo("Website Redesign");
        assertThat(d01.get("amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(d01.get("close_date").stringValue()).isEqualTo("2024-02-15T00:00:00Z");
        assertThat(d01.get("raw_properties").get("custom_x").stringValue()).isEqualTo("1");
        assertThat(d01.get("archived").booleanValue()).isFalse();

        List<String> pages = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            JsonNode slice = ok(api.get(KEY_A, ApiClient.path(DEALS, "page", "" + p, "size", "3")));
            assertThat(slice.get("total").longValue()).isEqualTo(COUNT);
            pages.addAll(dealIds(slice));
        }
        assertThat(pages).isEqualTo(SeededDeals.seedOrder(jdbc, "close_date DESC"));
    }

    @Test
    void shouldSortByEachWhitelistedColumnInBothDirections() {
        for (String column : List.of("close_date", "amount", "deal_name")) {
            for (String direction : List.of("asc", "desc")) {
                JsonNode page = ok(api.get(KEY_A, ApiClient.path(DEALS, "sort", column, "direction", direction)));
                assertThat(dealIds(page)).as(column + " " + direction)
                        .isEqualTo(SeededDeals.seedOrder(jdbc, column + " " + direction));
            }
        }
    }

    @Test
    void shouldFilterByStagePipelineOwnerArchivedAndCloseDates() {
        assertThat(ids("stage", "closedwon")).containsExactlyInAnyOrder("d04", "d05", "d06", "d08");
        assertThat(ids("pipeline", "enterprise")).containsExactlyInAnyOrder("d03", "d06");
        assertThat(ids("owner", "owner-1")).containsExactlyInAnyOrder("d01", "d03", "d05");
        assertThat(ids("archived", "true")).containsExactly("d05");
        assertThat(ids("archived", "false")).hasSize(COUNT - 1).doesNotContain("d05");
        assertThat(ids("stage", "closedwon", "owner", "owner-3")).containsExactly("d08");
        // A date as close_to takes in its whole day; a date-time is the exact bound (the seed's BETWEEN on dates).
        assertThat(ids("close_from", "2024-03-01", "close_to", "2024-12-31"))
                .containsExactlyInAnyOrder("d02", "d03", "d05", "d08");
        assertThat(ids("close_from", "2024-03-01T00:00:00Z", "close_to", "2024-12-31T00:00:00Z"))
                .containsExactlyInAnyOrder("d02", "d05", "d08");
        assertThat(ids("close_from", "2024-12-31T19:00:00+02:00")).containsExactlyInAnyOrder("d03", "d04", "d10");
        assertThat(ids("stage", "no-such-stage")).isEmpty();
    }

    @Test
    void shouldRefuseBadDealParametersListingEachOne() {
        ApiClient.Response response = api.get(KEY_A, ApiClient.path(DEALS, "sort", "amount;DROP TABLE x",
                "direction", "up", "close_from", "tomorrow", "archived", "maybe", "page", "x", "size", "0"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("sort", "direction", "close_from", "archived", "page",
                "size");
        assertThat(fields(api.get(KEY_A, ApiClient.path(DEALS, "close_from", "2024-05-01", "close_to", "2024-04-01"))))
                .containsExactly("close_to");
        assertThat(fields(api.get(KEY_A, ApiClient.path(DEALS, "q", "x".repeat(501))))).containsExactly("q");
    }

    static Stream<Arguments> hostileSearchTerms() {
        return Stream.of(
                Arguments.of("%", List.of("d04")),
                // d09's description names hubspot_deals: a literal underscore too.
                Arguments.of("_", List.of("d04", "d09")),
                Arguments.of("100%", List.of("d04")),
                Arguments.of("_Deal", List.of("d04", "d09")),
                Arguments.of("%%", List.of()),
                Arguments.of("\\", List.of("d07")),
                Arguments.of("C:\\temp", List.of("d07")),
                Arguments.of("\\%", List.of()),
                Arguments.of(HOSTILE, List.of("d09")),
                Arguments.of("O'Brien", List.of("d09")),
                Arguments.of("' OR '1'='1", List.of()),
                Arguments.of("\") OR 1=1 --", List.of()),
                Arguments.of("cødé Dé", List.of("d08")),
                Arguments.of("🚀", List.of("d08")),
                Arguments.of("ÄÖÜ", List.of("d08")),
                Arguments.of("website", List.of("d01")),
                Arguments.of("ACME", List.of("d01")),
                Arguments.of("acme", List.of("d01")),
                Arguments.of("GOLD", List.of("d02")));
    }

    @ParameterizedTest
    @MethodSource("hostileSearchTerms")
    void shouldMatchSearchTermsLiterallyAndCaseInsensitivelyLeavingTheTableIntact(String q, List<String> expected) {
        assertThat(ids("q", q)).as("q=" + q).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT to_regclass('hubspot_deals') IS NOT NULL", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals WHERE scan_job_id = ?", Long.class,
                ScanJobRepository.jobId(SCAN))).isEqualTo(COUNT);
    }

    private List<String> ids(String... params) {
        return dealIds(ok(api.get(KEY_A, ApiClient.path(DEALS, params))));
    }

    private static JsonNode find(JsonNode page, String dealId) {
        for (JsonNode deal : page.get("items")) {
            if (deal.get("deal_id").stringValue().equals(dealId)) {
                return deal;
            }
        }
        throw new AssertionError("No deal " + dealId + " in " + page);
    }


    static List<String> dealIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("deal_id").stringValue()));
        return ids;
    }

}
