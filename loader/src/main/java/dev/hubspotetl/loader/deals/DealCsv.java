package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.Deal;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

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
        Deal d = row.deal();
        text(out, row.rowId());
        text(out, row.scanJobId());
        text(out, d.getDealId());
        text(out, d.getDealName());
        plain(out, d.getAmount());
        text(out, d.getDealStage());
        time(out, d.getCloseDate());
        text(out, d.getPipeline());
        text(out, d.getDealType());
        text(out, d.getHubspotOwnerId());
        plain(out, d.getDealStageProbability());
        text(out, d.getDescription());
        text(out, d.getAnalyticsSource());
        plain(out, d.getNumAssociatedContacts() == null ? 0 : d.getNumAssociatedContacts());
        text(out, d.getPriority());
        text(out, d.getNextStep());
        plain(out, d.getForecastAmount());
        plain(out, d.getForecastProbability());
        time(out, d.getHubspotCreatedAt());
        time(out, d.getHubspotUpdatedAt());
        plain(out, d.getArchived());
        text(out, d.getRawProperties());
        time(out, d.getExtractedAt());
        text(out, d.getScanId());
        last(out, d.getOrganizationId());
    }

    private static void text(CsvCopyBuffer out, String value) throws IOException {
        quoted(out, value);
        out.ascii(',');
    }

    private static void last(CsvCopyBuffer out, String value) throws IOException {
        quoted(out, value);
        out.ascii('\n');
    }

    private static void quoted(CsvCopyBuffer out, String value) throws IOException {
        if (value != null) {
            out.quoted(value);
        }
    }

    private static void plain(CsvCopyBuffer out, Object value) throws IOException {
        if (value != null) {
            out.unquoted(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
        out.ascii(',');
    }

    private static void time(CsvCopyBuffer out, Instant value) throws IOException {
        if (value != null) {
            out.dateTime(ScanJobRepository.utc(value));
        }
        out.ascii(',');
    }
}
