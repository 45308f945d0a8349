package dev.hubspotetl.loader.deals;

import java.io.IOException;

/**
 * Writes deal rows in PostgreSQL's COPY CSV format: a quoted value is text (empty included), an
 * unquoted empty field is NULL. Values are written as they are; whatever PostgreSQL refuses (a NUL
 * character, a year past 294276...) fails the COPY and is isolated by the repository.
 */
final class DealCsv {

    /** The COPY column list, in the order {@link #write} writes them. */
    static final String COLUMNS = "id, scan_job_id, deal_id, deal_name, amount, deal_stage, close_date, pipeline, "
            + "deal_type, hubspot_owner_id, deal_stage_probability, description, analytics_source, "
            + "num_associated_contacts, priority, next_step, forecast_amount, forecast_probability, "
            + "hubspot_created_at, hubspot_updated_at, archived, raw_properties, _extracted_at, _scan_id, _tenant_id";

    private DealCsv() {
    }

    static void write(DealRow row, CsvCopyBuffer out) throws IOException {
        out.quoted(row.rowId());
        out.ascii(',');
        if (row.scanJobId() != null) {
            out.quoted(row.scanJobId());
        }
        out.ascii(',');
        row.deal().writeColumns(out);
    }
}
