package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.simulator.HubSpotTime;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.transformer.normalize.MalformedPageException;
import dev.hubspotetl.transformer.normalize.NormalizedPage;
import dev.hubspotetl.transformer.normalize.PageNormalizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a scan should have loaded, deal by deal: the simulator's deals rendered as the list endpoint
 * renders them (every property, HubSpot's timestamps) and put through the transformer's own
 * {@link PageNormalizer}, so that every typed column is checked against the rules the transformer
 * implements and raw_properties against the portal's values themselves.
 */
public final class ExpectedDeals {

    /** The typed columns, named as both the {@code Deal} record and {@code hubspot_deals} name them. */
    static final List<String> TYPED_COLUMNS = List.of("deal_id", "deal_name", "amount", "deal_stage", "close_date",
            "pipeline", "deal_type", "hubspot_owner_id", "deal_stage_probability", "description", "analytics_source",
            "num_associated_contacts", "priority", "next_step", "forecast_amount", "forecast_probability",
            "hubspot_created_at", "hubspot_updated_at", "archived");
    private static final List<String> TIMESTAMPS = List.of("close_date", "hubspot_created_at", "hubspot_updated_at");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 10;

    private final String organization;
    private final String scanId;
    private final Map<String, Deal> deals = new TreeMap<>();
    private final Map<String, JsonNode> rawProperties = new HashMap<>();

    public ExpectedDeals(String organization, String scanId, List<SimulatedDeal> portal) {
        this.organization = organization;
        this.scanId = scanId;
        PageNormalizer normalizer = new PageNormalizer();
        for (int from = 0; from < portal.size(); from += 100) {
            List<SimulatedDeal> page = portal.subList(from, Math.min(portal.size(), from + 100));
            ArrayNode results = JSON.createArrayNode();
            page.forEach(deal -> results.add(result(deal)));
            try {
                NormalizedPage normalized = normalizer.normalize(RawDealPage.newBuilder().setScanId(scanId)
                        .setOrganizationId(organization).setPageNumber(from / 100).setSource("list")
                        .setRequestCursor(null).setNextCursor(null).setResultCount(page.size())
                        .setBody(JSON.createObjectNode().set("results", results).toString())
                        .setExtractedAt(Instant.EPOCH).build());
                assertThat(normalized.failures()).as("deals the transformer refuses").isEmpty();
                normalized.deals().forEach(deal -> deals.put(deal.getDealId(), deal));
            } catch (MalformedPageException e) {
                throw new AssertionError("the expected page is malformed", e);
            }
        }
        portal.forEach(deal -> rawProperties.put(deal.id(), properties(deal)));
        assertThat(deals).hasSize(portal.size());
    }

    public int size() {
        return deals.size();
    }

    /** Invariant 2 for one scan: its job completed with every expected deal processed, none failed. */
    public void assertCompleted(Map<String, Object> scan, String organization) {
        assertThat(scan).containsEntry("status", "completed")
                .containsEntry("organization_id", organization)
                .containsEntry("total_items", size())
                .containsEntry("processed_items", size())
                .containsEntry("failed_items", 0)
                .containsEntry("success_rate", "100.00%")
                .containsEntry("error_message", null)
                .containsEntry("started", true)
                .containsEntry("completed", true);
    }

    /**
     * Invariant 1 for one scan: {@code hubspot_deals} holds exactly one row per expected deal, of this
     * organization, with every typed column as the normalizer computes it and raw_properties equal as JSON.
     */
    public void assertLoaded(JdbcClient jdbc) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT d.*, d.raw_properties::text AS raw_json, j.scan_id AS job_scan_id
                        FROM hubspot_deals d JOIN scan_jobs j ON j.id = d.scan_job_id
                        WHERE d._scan_id = ?""")
                .param(scanId).query(ExpectedDeals::row).list();
        assertThat(rows.stream().map(row -> (String) row.get("deal_id")).toList()).as("deal ids of " + scanId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(deals.keySet());
        List<String> mismatches = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("deal_id");
            compare(id, "_tenant_id", organization, row.get("_tenant_id"), mismatches);
            compare(id, "job_scan_id", scanId, row.get("job_scan_id"), mismatches);
            compareTyped(id, asStored(deals.get(id)), row, mismatches);
            compareRaw(id, (String) row.get("raw_json"), mismatches);
        }
        assertThat(mismatches).as("columns differing from the normalizer's values (first %d)", MAX_REPORTED)
                .isEmpty();
    }

    /** The Deal topic under read_committed: each of this scan's deals exactly once, with the same values. */
    public void assertOnDealTopic(List<ConsumerRecord<String, byte[]>> records, String topic) {
        List<Deal> ofScan = new ArrayList<>();
        try (DealSerde serde = new DealSerde()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                Deal deal = serde.deserialize(topic, record.value());
                if (deal != null && scanId.equals(deal.getScanId())) {
                    assertThat(record.key()).isEqualTo(organization + ":" + deal.getDealId());
                    ofScan.add(deal);
                }
            }
        }
        assertThat(ofScan.stream().map(Deal::getDealId).toList()).as("deals of " + scanId + " on " + topic)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(deals.keySet());
        List<String> mismatches = new ArrayList<>();
        for (Deal deal : ofScan) {
            Map<String, Object> values = new LinkedHashMap<>();
            TYPED_COLUMNS.forEach(column -> values.put(column, deal.get(column)));
            compareTyped(deal.getDealId(), deals.get(deal.getDealId()), values, mismatches);
            compareRaw(deal.getDealId(), deal.getRawProperties(), mismatches);
            compare(deal.getDealId(), "organization_id", organization, deal.getOrganizationId(), mismatches);
        }
        assertThat(mismatches).as("Deal records differing from the normalizer's values").isEmpty();
    }

    /**
     * The deal as the loader stores it: an unknown contact count becomes the column's default, 0 (the
     * loader's {@code DealCsv}); the Deal record keeps it null.
     */
    private static Deal asStored(Deal deal) {
        return deal.getNumAssociatedContacts() != null ? deal
                : Deal.newBuilder(deal).setNumAssociatedContacts(0).build();
    }

    private void compareTyped(String id, Deal expected, Map<String, Object> actual, List<String> mismatches) {
        for (String column : TYPED_COLUMNS) {
            compare(id, column, comparable(expected.get(column)), comparable(actual.get(column)), mismatches);
        }
    }

    private void compareRaw(String id, String actualJson, List<String> mismatches) {
        try {
            compare(id, "raw_properties", rawProperties.get(id), JSON.readTree(actualJson), mismatches);
        } catch (IOException e) {
            mismatches.add(id + ".raw_properties is not JSON: " + actualJson);
        }
    }

    private static void compare(String id, String column, Object expected, Object actual, List<String> mismatches) {
        if (!Objects.equals(expected, actual) && mismatches.size() < MAX_REPORTED) {
            mismatches.add(id + "." + column + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** Instants and timestamps as UTC wall-clock time, decimals without scale differences. */
    private static Object comparable(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return value;
    }

    private static Map<String, Object> row(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        for (String column : TYPED_COLUMNS) {
            row.put(column, TIMESTAMPS.contains(column) ? rs.getObject(column, LocalDateTime.class)
                    : rs.getObject(column));
        }
        row.put("_tenant_id", rs.getString("_tenant_id"));
        row.put("job_scan_id", rs.getString("job_scan_id"));
        row.put("raw_json", rs.getString("raw_json"));
        return row;
    }

    /** A result of {@code GET /crm/v3/objects/deals} with every property, as the simulator renders it. */
    private static ObjectNode result(SimulatedDeal deal) {
        ObjectNode result = JSON.createObjectNode();
        result.put("id", deal.id());
        result.set("properties", properties(deal));
        result.put("createdAt", HubSpotTime.format(deal.createdAt()));
        result.put("updatedAt", HubSpotTime.format(deal.updatedAt()));
        result.put("archived", deal.archived());
        return result;
    }

    private static ObjectNode properties(SimulatedDeal deal) {
        ObjectNode properties = JSON.createObjectNode();
        deal.properties().forEach(properties::put);
        return properties;
    }
}
