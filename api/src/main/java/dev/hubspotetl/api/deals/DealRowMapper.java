package dev.hubspotetl.api.deals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.StringNode;

/** Reads the columns of {@link #COLUMNS} into a {@link DealView}. */
final class DealRowMapper implements RowMapper<DealView> {

    static final String COLUMNS = """
            id, deal_id, deal_name, amount, deal_stage, close_date, pipeline, deal_type, hubspot_owner_id,
            deal_stage_probability, description, analytics_source, num_associated_contacts, priority, next_step,
            forecast_amount, forecast_probability, hubspot_created_at, hubspot_updated_at, archived,
            raw_properties, _extracted_at""";

    private final ObjectMapper json;

    DealRowMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public DealView mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new DealView(rs.getString("id"), rs.getString("deal_id"), rs.getString("deal_name"),
                rs.getBigDecimal("amount"), rs.getString("deal_stage"), instant(rs, "close_date"),
                rs.getString("pipeline"), rs.getString("deal_type"), rs.getString("hubspot_owner_id"),
                decimal(rs, "deal_stage_probability"), rs.getString("description"), rs.getString("analytics_source"),
                rs.getObject("num_associated_contacts", Integer.class), rs.getString("priority"),
                rs.getString("next_step"), decimal(rs, "forecast_amount"), decimal(rs, "forecast_probability"),
                instant(rs, "hubspot_created_at"), instant(rs, "hubspot_updated_at"),
                rs.getObject("archived", Boolean.class), raw(rs.getString("raw_properties")),
                instant(rs, "_extracted_at"));
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Parsed rather than passed through: a json column keeps its input's formatting, newlines included,
     * which would break NDJSON's one object per line.
     */
    private JsonNode raw(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return StringNode.valueOf(text);
        }
    }
}
