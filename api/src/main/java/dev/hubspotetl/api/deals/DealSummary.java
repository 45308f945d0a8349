package dev.hubspotetl.api.deals;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * Live (not archived) deals of a scan grouped as the seed groups them: COUNT(*), SUM(amount) and
 * AVG(amount) exactly as PostgreSQL computes them (deals without an amount count, but add nothing).
 */
@Schema(name = "DealSummary")
public record DealSummary(@JsonProperty("scan_id") String scanId,
                          @JsonProperty("group_by") String groupBy,
                          List<Group> groups) {

    /** @param key the stage, pipeline or owner id; null for deals that have none */
    @Schema(name = "DealGroup")
    public record Group(String key, long count,
                        @JsonProperty("total_amount") BigDecimal totalAmount,
                        @JsonProperty("avg_amount") BigDecimal avgAmount) {
    }
}
