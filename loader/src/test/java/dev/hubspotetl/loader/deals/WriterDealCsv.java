package dev.hubspotetl.loader.deals;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.schemas.Deal;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The COPY CSV writer as it was before {@link CsvCopyBuffer}: deal rows through a {@link Writer}, so
 * through the JDK's UTF-8 encoder. Kept unchanged as the reference whose bytes DealCsv must match.
 */
final class WriterDealCsv {

    private WriterDealCsv() {
    }

    static void write(DealRow row, Writer out) throws IOException {
        Deal d = ((DecodedDeal) row.deal()).deal();
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

    private static void text(Writer out, String value) throws IOException {
        quoted(out, value);
        out.write(',');
    }

    private static void last(Writer out, String value) throws IOException {
        quoted(out, value);
        out.write('\n');
    }

    private static void quoted(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', from)) {
            out.write(value, from, i - from + 1);
            out.write('"');
            from = i + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
    }

    private static void plain(Writer out, Object value) throws IOException {
        if (value != null) {
            out.write(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
        out.write(',');
    }

    private static void time(Writer out, Instant value) throws IOException {
        plain(out, value == null ? null : ScanJobRepository.utc(value));
    }
}
