package dev.hubspotetl.api.scans;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * One organization's totals.
 *
 * @param scansByStatus       every status, with 0 where there is none
 * @param dealsLoadedLastHour deal rows first written in the last hour (hubspot_deals.created_at)
 * @param itemsTotal          sum of total_items over the organization's scans; likewise processed and failed
 */
@Schema(name = "Stats")
public record StatsView(
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("scans_total") long scansTotal,
        @JsonProperty("scans_by_status") Map<String, Long> scansByStatus,
        @JsonProperty("deals_total") long dealsTotal,
        @JsonProperty("deals_loaded_last_hour") long dealsLoadedLastHour,
        @JsonProperty("items_total") long itemsTotal,
        @JsonProperty("items_processed") long itemsProcessed,
        @JsonProperty("items_failed") long itemsFailed,
        @JsonProperty("generated_at") Instant generatedAt) {
}
