package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.Deal;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** A deal decoded by the serde: what records of an earlier schema version become. */
record DecodedDeal(Deal deal) implements DealValue {

    @Override
    public String organizationId() {
        return deal.getOrganizationId();
    }

    @Override
    public String scanId() {
        return deal.getScanId();
    }

    @Override
    public String dealId() {
        return deal.getDealId();
    }

    @Override
    public void writeColumns(CsvCopyBuffer out) throws IOException {
        Deal d = deal;
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
        if (d.getOrganizationId() != null) {
            out.quoted(d.getOrganizationId());
        }
        out.ascii('\n');
    }

    private static void text(CsvCopyBuffer out, String value) throws IOException {
        if (value != null) {
            out.quoted(value);
        }
        out.ascii(',');
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
