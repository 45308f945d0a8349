package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.Credential;
import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.hubspot.HubSpotFailure;
import dev.hubspotetl.extractor.hubspot.ScanStoppedException;
import dev.hubspotetl.extractor.kafka.RawPage;
import dev.hubspotetl.extractor.kafka.ScanTransaction;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanCheckpointState;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scan from a committed checkpoint to its end: fetch a page, then publish the page, its
 * PAGE_EXTRACTED event and the next checkpoint in one transaction; the last page's transaction also
 * carries EXTRACTION_COMPLETED. A cancel ends it between pages (CANCELLED), a HubSpot failure ends it
 * FAILED, a release (shutdown, rebalance) just stops, leaving the checkpoint RUNNING.
 */
final class ScanExecution {

    private static final Logger log = LoggerFactory.getLogger(ScanExecution.class);

    private final Credentials credentials;
    private final HubSpotClient client;
    private final PageFetcher fetcher;
    private final CancelRegistry cancels;
    private final ScanMetrics metrics;
    private final Clock clock;
    private final int maxUrlLength;

    ScanExecution(Credentials credentials, HubSpotClient client, PageFetcher fetcher, CancelRegistry cancels,
                  ScanMetrics metrics, Clock clock, int maxUrlLength) {
        this.credentials = credentials;
        this.client = client;
        this.fetcher = fetcher;
        this.cancels = cancels;
        this.metrics = metrics;
        this.clock = clock;
        this.maxUrlLength = maxUrlLength;
    }

    void run(ScanCheckpoint start, ScanTransaction transaction, ScanHandle handle) {
        ScanCheckpoint checkpoint = start;
        ScanRequest request = start.getRequest();
        try {
            cancels.awaitCaughtUp(handle);
            Credential credential = credentials.resolve(request.getCredentialRef()).orElseThrow(() ->
                    new HubSpotFailure(null, "credential_ref '" + request.getCredentialRef() + "' is unknown to the "
                            + "extractor (configure " + credentials.whereConfigured(request.getCredentialRef()) + ")",
                            null));
            PageFetcher.Context context = new PageFetcher.Context(request, credential,
                    properties(checkpoint, credential, handle), maxUrlLength);
            log.info("Scan {} runs from page {} ({} deals so far, phase {})", start.getScanId(),
                    start.getPagesPublished(), start.getDealsExtracted(), start.getPhase());
            while (true) {
                if (handle.cancelled()) {
                    cancel(checkpoint, transaction);
                    return;
                }
                if (handle.released()) {
                    return;
                }
                FetchedPage page = fetcher.fetch(context, checkpoint, handle);
                // A cancel that came while the page was fetched wins: nothing is published after it.
                if (handle.cancelled()) {
                    cancel(checkpoint, transaction);
                    return;
                }
                checkpoint = publish(checkpoint, page, context.properties, transaction);
                if (checkpoint.getState() == ScanCheckpointState.COMPLETED) {
                    metrics.scan("completed");
                    log.info("Scan {} completed: {} deals in {} pages", checkpoint.getScanId(),
                            checkpoint.getDealsExtracted(), checkpoint.getPagesPublished());
                    return;
                }
            }
        } catch (ScanStoppedException e) {
            if (handle.cancelled()) {
                cancel(checkpoint, transaction);
            }
        } catch (HubSpotFailure e) {
            log.warn("Scan {} failed after {} pages: {}", checkpoint.getScanId(), checkpoint.getPagesPublished(),
                    e.getMessage(), e);
            ScanEvent failed = ScanRecords.failed(checkpoint.getScanId(), checkpoint.getOrganizationId(),
                    e.httpStatus(), e.getMessage(), clock.instant());
            transaction.commit(null, List.of(failed),
                    ScanRecords.ended(checkpoint, ScanCheckpointState.FAILED, clock.instant()));
            metrics.scan("failed");
        }
    }

    private ScanCheckpoint publish(ScanCheckpoint checkpoint, FetchedPage page, List<String> properties,
                                   ScanTransaction transaction) {
        ScanCheckpoint next = ScanRecords.advanced(checkpoint, page, properties, clock.instant());
        List<ScanEvent> events = new ArrayList<>();
        events.add(ScanRecords.pageExtracted(checkpoint, page.resultCount(), clock.instant()));
        if (next.getState() == ScanCheckpointState.COMPLETED) {
            events.add(ScanRecords.completed(next, clock.instant()));
        }
        transaction.commit(new RawPage(ScanRecords.page(checkpoint, page), page.bodyUtf8()), events, next);
        metrics.page(page.resultCount());
        log.debug("Scan {} published page {} with {} deals", checkpoint.getScanId(), checkpoint.getPagesPublished(),
                page.resultCount());
        return next;
    }

    private void cancel(ScanCheckpoint checkpoint, ScanTransaction transaction) {
        String reason = cancels.reason(checkpoint.getScanId()).orElse("Cancelled");
        transaction.commit(null,
                List.of(ScanRecords.cancelled(checkpoint.getScanId(), checkpoint.getOrganizationId(), reason,
                        clock.instant())),
                ScanRecords.ended(checkpoint, ScanCheckpointState.CANCELLED, clock.instant()));
        metrics.scan("cancelled");
        log.info("Scan {} cancelled after {} pages", checkpoint.getScanId(), checkpoint.getPagesPublished());
    }

    // Resolved once per scan and kept in the checkpoint, so that a resumed scan asks for the same ones.
    private List<String> properties(ScanCheckpoint checkpoint, Credential credential, ScanHandle handle) {
        if (!checkpoint.getProperties().isEmpty()) {
            return checkpoint.getProperties();
        }
        List<String> requested = checkpoint.getRequest().getProperties();
        if (!requested.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(requested));
        }
        return client.dealPropertyNames(credential, handle);
    }
}
