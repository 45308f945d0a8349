package dev.hubspotetl.transformer.topology;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.transformer.normalize.FailedResult;
import dev.hubspotetl.transformer.normalize.MalformedPageException;
import dev.hubspotetl.transformer.normalize.NormalizedPage;
import dev.hubspotetl.transformer.normalize.PageNormalizer;
import dev.hubspotetl.transformer.topology.FailureRecords.Origin;
import dev.hubspotetl.transformer.topology.TransformMetrics.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads hubspot.deals.raw as bytes and emits, for each page, one deal per sound result, a dead
 * letter per failed result (or one for the whole page) and at most one TRANSFORM_FAILED event that
 * counts the failed deals, so that emitted plus failed equals the page's result_count.
 *
 * <p>The page is decoded here rather than by the source serde: a record that does not decode is
 * then dead-lettered by this processor, inside the exactly-once transaction that commits its offset,
 * instead of by a deserialization handler that can only write outside it.
 */
final class PageProcessor implements Processor<byte[], byte[], String, Outcome> {

    static final String MDC_SCAN_ID = "scanId";
    private static final Logger log = LoggerFactory.getLogger(PageProcessor.class);
    private static final int REASONS_IN_SUMMARY = 5;

    private final Deserializer<RawDealPage> pages;
    private final TransformMetrics metrics;
    private final PageNormalizer normalizer = new PageNormalizer();
    private ProcessorContext<String, Outcome> context;

    PageProcessor(Deserializer<RawDealPage> pages, TransformMetrics metrics) {
        this.pages = pages;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Origin origin = Origin.of(context);
        RawDealPage page;
        try {
            page = pages.deserialize(origin.topic(), record.value());
        } catch (SerializationException e) {
            undecodable(record, origin, e);
            return;
        }
        if (page == null) {
            empty(record, origin);
            return;
        }
        MDC.put(MDC_SCAN_ID, page.getScanId());
        try {
            transform(record, page, origin);
        } finally {
            MDC.remove(MDC_SCAN_ID);
        }
    }

    private void transform(Record<byte[], byte[]> record, RawDealPage page, Origin origin) {
        NormalizedPage normalized;
        try {
            normalized = normalizer.normalize(page);
        } catch (MalformedPageException | RuntimeException e) {
            // RuntimeException too: a defect met by one page must not stop every later page
            malformed(record, page, origin, e);
            return;
        }
        for (Deal deal : normalized.deals()) {
            String key = Topics.dealKey(deal.getOrganizationId(), deal.getDealId());
            context.forward(new Record<>(key, new Outcome.NormalizedDeal(deal), record.timestamp()));
        }
        List<FailedResult> failures = normalized.failures();
        for (FailedResult failure : failures) {
            context.forward(FailureRecords.deadLetter(record, page.getScanId(),
                    failure.json().getBytes(StandardCharsets.UTF_8), failure.error(), origin, 1));
        }
        if (!failures.isEmpty()) {
            log.warn("{} of {} deals of {} failed: {}", failures.size(), page.getResultCount(),
                    PageNormalizer.describe(page), summary(failures));
            context.forward(FailureRecords.transformFailed(page, failures.size(),
                    failures.size() + " of " + page.getResultCount() + " deals failed: " + summary(failures),
                    context.currentSystemTimeMs(), record.timestamp()));
        }
        metrics.dealsNormalized(normalized.deals().size());
        metrics.dealsFailed(failures.size());
        log.debug("Transformed {} from {}: {} deals, {} failed", PageNormalizer.describe(page), origin,
                normalized.deals().size(), failures.size());
    }

    private void malformed(Record<byte[], byte[]> record, RawDealPage page, Origin origin, Exception error) {
        int failed = Math.max(page.getResultCount(), 0);
        log.warn("Dead-lettering {} from {}: all {} deals failed", PageNormalizer.describe(page), origin, failed,
                error);
        context.forward(FailureRecords.deadLetter(record, page.getScanId(), record.value(), error, origin, failed));
        String message = error instanceof MalformedPageException
                ? error.getMessage()
                : PageNormalizer.describe(page) + " could not be transformed: " + error;
        context.forward(FailureRecords.transformFailed(page, failed, message, context.currentSystemTimeMs(),
                record.timestamp()));
        metrics.dealsFailed(failed);
        metrics.pageDeadLettered(DeadLetterReason.MALFORMED_PAGE);
    }

    private void undecodable(Record<byte[], byte[]> record, Origin origin, SerializationException error) {
        String scanId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        log.warn("Dead-lettering an undecodable record of scan {} from {}", scanId, origin, error);
        context.forward(FailureRecords.deadLetter(record, scanId, record.value(), error, origin, null));
        if (scanId != null) {
            context.forward(FailureRecords.undecodable(scanId, origin,
                    "A raw page of this scan could not be decoded (" + origin + "): " + error.getMessage(),
                    context.currentSystemTimeMs(), record.timestamp()));
        }
        metrics.pageDeadLettered(DeadLetterReason.UNDECODABLE_RECORD);
    }

    /** A tombstone holds no page and no deal: nothing to account for, but an operator should see it. */
    private void empty(Record<byte[], byte[]> record, Origin origin) {
        String scanId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        log.warn("Dead-lettering a record without a value of scan {} from {}", scanId, origin);
        context.forward(FailureRecords.deadLetter(record, scanId, null,
                new IllegalArgumentException("The record has no value; a raw page was expected"), origin, null));
        metrics.pageDeadLettered(DeadLetterReason.EMPTY_RECORD);
    }

    private static String summary(List<FailedResult> failures) {
        String reasons = failures.stream().limit(REASONS_IN_SUMMARY)
                .map(failure -> failure.error().getMessage())
                .collect(Collectors.joining("; "));
        int more = failures.size() - REASONS_IN_SUMMARY;
        return more > 0 ? reasons + "; and " + more + " more" : reasons;
    }
}
