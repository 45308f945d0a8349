package dev.hubspotetl.extractor.scan;

import java.time.Instant;

/**
 * One page as HubSpot returned it (merged by deal id if fetched in several requests), and where the
 * scan goes next.
 *
 * @param source        'list' or 'search'
 * @param requestCursor the after cursor it was requested with, null for a first page
 * @param nextCursor    the page's paging.next.after, null on a last page
 * @param body          the JSON body
 * @param resultCount   deals in the page
 * @param extractedAt   when the page arrived
 * @param next          the position of the next page; null when this was the scan's last page
 * @param bodyUtf8      the body's exact UTF-8 bytes as HubSpot sent them, or null (a merged page)
 */
record FetchedPage(String source, String requestCursor, String nextCursor, String body, int resultCount,
                   Instant extractedAt, Position next, byte[] bodyUtf8) {

    FetchedPage(String source, String requestCursor, String nextCursor, String body, int resultCount,
                Instant extractedAt, Position next) {
        this(source, requestCursor, nextCursor, body, resultCount, extractedAt, next, null);
    }

    /**
     * Where a scan stands: the listing, the cursor in it and the search's id floor.
     *
     * @param phase   'active', 'archived' or 'search'
     * @param cursor  the after cursor of the next list page, null for the listing's first page
     * @param floorId the highest deal id searched so far
     */
    record Position(String phase, String cursor, String floorId) {
    }

    boolean last() {
        return next == null;
    }
}
