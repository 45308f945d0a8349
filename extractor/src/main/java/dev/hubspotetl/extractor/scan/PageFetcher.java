package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.Credential;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.hubspot.HubSpotFailure;
import dev.hubspotetl.extractor.hubspot.HubSpotPage;
import dev.hubspotetl.extractor.hubspot.ListQuery;
import dev.hubspotetl.extractor.hubspot.PageMerger;
import dev.hubspotetl.extractor.hubspot.PropertyChunks;
import dev.hubspotetl.extractor.hubspot.SearchQuery;
import dev.hubspotetl.extractor.hubspot.StopSignal;
import dev.hubspotetl.extractor.hubspot.UriTooLongException;
import dev.hubspotetl.extractor.scan.FetchedPage.Position;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the page a checkpoint points at. Full scans list the active deals, then (if asked) the
 * archived ones; incremental scans search by modification date in id order, each page above the
 * last id seen. A property list too long for one request is split over several, merged by id.
 */
final class PageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);

    private final HubSpotClient client;
    private final int maxSearchBodyChars;
    private final Clock clock;

    PageFetcher(HubSpotClient client, int maxSearchBodyChars, Clock clock) {
        this.client = client;
        this.maxSearchBodyChars = maxSearchBodyChars;
        this.clock = clock;
    }

    /** What one scan run knows beyond its checkpoint. */
    static final class Context {
        final ScanRequest request;
        final Credential credential;
        final List<String> properties;
        int maxUrlLength;

        Context(ScanRequest request, Credential credential, List<String> properties, int maxUrlLength) {
            this.request = request;
            this.credential = credential;
            this.properties = List.copyOf(properties);
            this.maxUrlLength = maxUrlLength;
        }
    }

    FetchedPage fetch(Context context, ScanCheckpoint checkpoint, StopSignal stop) {
        return ScanRecords.SEARCH.equals(checkpoint.getPhase())
                ? search(context, checkpoint, stop) : list(context, checkpoint, stop);
    }

    private FetchedPage list(Context context, ScanCheckpoint checkpoint, StopSignal stop) {
        ScanRequest request = context.request;
        boolean archived = ScanRecords.ARCHIVED.equals(checkpoint.getPhase());
        String after = checkpoint.getNextCursor();
        while (true) {
            ListQuery shape = new ListQuery(request.getBatchSize(), archived, List.of(),
                    request.getIncludeAssociations(), after);
            List<List<String>> chunks = PropertyChunks.split(context.properties, shape.fixedLength(),
                    context.maxUrlLength, ListQuery::cost);
            try {
                List<HubSpotPage> parts = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    // Associations come once per deal, with the first chunk.
                    ListQuery query = new ListQuery(request.getBatchSize(), archived, chunks.get(i),
                            i == 0 && request.getIncludeAssociations(), after);
                    parts.add(client.get(context.credential, query.pathAndQuery(), "list", stop));
                }
                HubSpotPage page = PageMerger.merge(parts);
                String next = page.nextAfter();
                Position position = next != null ? new Position(checkpoint.getPhase(), next, null)
                        : !archived && request.getIncludeArchived() ? new Position(ScanRecords.ARCHIVED, null, null)
                        : null;
                return new FetchedPage("list", after, next, page.body(), page.resultCount(), clock.instant(),
                        position, page.utf8Body());
            } catch (UriTooLongException e) {
                shorten(context, e, chunks, shape.fixedLength());
            }
        }
    }

    private FetchedPage search(Context context, ScanCheckpoint checkpoint, StopSignal stop) {
        ScanRequest request = context.request;
        long since = request.getSince().toEpochMilli();
        String floor = checkpoint.getSearchFloorId();
        SearchQuery shape = new SearchQuery(since, floor, List.of(), request.getBatchSize());
        List<List<String>> chunks = PropertyChunks.split(context.properties, shape.fixedLength(), maxSearchBodyChars,
                SearchQuery::cost);
        List<HubSpotPage> parts = new ArrayList<>();
        for (List<String> chunk : chunks) {
            SearchQuery query = new SearchQuery(since, floor, chunk, request.getBatchSize());
            parts.add(client.searchDeals(context.credential, query.body(), stop));
        }
        HubSpotPage page = PageMerger.merge(parts);
        int results = page.resultCount();
        String next = page.nextAfter();
        Position position = next != null && results > 0
                ? new Position(ScanRecords.SEARCH, null, page.lastResultId())
                : null;
        return new FetchedPage("search", null, next, page.body(), results, clock.instant(), position,
                page.utf8Body());
    }

    // A 414 means HubSpot's edge allows less than assumed: remember a shorter limit for the rest of the scan.
    private static void shorten(Context context, UriTooLongException e, List<List<String>> chunks, int fixedLength) {
        if (chunks.stream().allMatch(chunk -> chunk.size() <= 1)) {
            throw new HubSpotFailure(414, "HubSpot answered 414 (URI too long) to a request target of " + e.length()
                    + " characters, and the property list cannot be split further", e);
        }
        int longest = context.properties.stream().mapToInt(ListQuery::cost).max().orElse(0);
        int shorter = Math.max(fixedLength + longest, Math.min(context.maxUrlLength, e.length()) * 3 / 4);
        log.info("HubSpot answered 414 to {} characters; splitting properties for at most {} from now on",
                e.length(), shorter);
        context.maxUrlLength = shorter;
    }
}
