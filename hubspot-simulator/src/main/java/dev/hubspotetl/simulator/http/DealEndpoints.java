package dev.hubspotetl.simulator.http;

import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.dataset.DealStore;
import dev.hubspotetl.simulator.dataset.Snapshot;

import java.util.Optional;
import java.util.StringJoiner;

/** {@code GET /crm/v3/objects/deals}, {@code GET /crm/v3/objects/deals/{id}}, {@code GET /crm/v3/properties/deals}. */
final class DealEndpoints {

    static final int LIST_DEFAULT_LIMIT = 10;
    static final int LIST_MAX_LIMIT = 100;

    private final DealStore store;
    private final DealJsonWriter writer;
    private final ErrorBodies errors;
    private final byte[] properties;
    private final RenderedDeals rendered = new RenderedDeals();

    DealEndpoints(DealStore store, DealJsonWriter writer, ErrorBodies errors, byte[] properties) {
        this.store = store;
        this.writer = writer;
        this.errors = errors;
        this.properties = properties;
    }

    Answer list(QueryParameters query, String rawQuery, String baseUrl, String correlationId) {
        int limit;
        long from;
        try {
            // HubSpot serves at most 100 per page and quietly caps a larger limit.
            limit = Math.min(LIST_MAX_LIMIT, intParameter(query, "limit", LIST_DEFAULT_LIMIT));
            from = query.first("after") == null || query.first("after").isBlank() ? 0 : Long.parseLong(query.first("after"));
        } catch (NumberFormatException e) {
            return errors.badRequest("Invalid paging parameter: " + e.getMessage(), correlationId);
        }
        if (limit < 1) {
            return errors.badRequest("limit must be at least 1, was " + limit, correlationId);
        }
        boolean archived = "true".equalsIgnoreCase(query.first("archived"));
        DealView view = view(query);
        Snapshot snapshot = store.snapshot();
        Snapshot.ListPage page = snapshot.page(archived, from, limit);
        String link = page.nextAfter() == null ? null : nextLink(baseUrl, rawQuery, page.nextAfter());
        byte[] body = writer.listPage(page, view, rendered.slots(snapshot, archived, view), link);
        return Answer.deals(body, page.deals().size());
    }

    Answer get(String dealId, QueryParameters query, String correlationId) {
        boolean archived = "true".equalsIgnoreCase(query.first("archived"));
        Optional<SimulatedDeal> deal = store.snapshot().find(dealId).filter(d -> d.archived() == archived);
        if (deal.isEmpty()) {
            return errors.notFound("Object not found.  objectId are usually numeric.", correlationId);
        }
        return Answer.deals(writer.deal(deal.get(), view(query)), 1);
    }

    Answer properties(QueryParameters query) {
        // The portal has no archived property definitions.
        byte[] body = "true".equalsIgnoreCase(query.first("archived"))
                ? "{\"results\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : properties;
        return Answer.json(200, body);
    }

    private static DealView view(QueryParameters query) {
        return DealView.of(query.has("properties") ? query.list("properties") : null,
                DealView.wantsContacts(query.list("associations")));
    }

    private static int intParameter(QueryParameters query, String name, int fallback) {
        String value = query.first(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    // The same query with the cursor replaced, as HubSpot's paging.next.link is.
    private static String nextLink(String baseUrl, String rawQuery, String after) {
        StringJoiner query = new StringJoiner("&");
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("after=") && !pair.equals("after")) {
                    query.add(pair);
                }
            }
        }
        query.add("after=" + after);
        return baseUrl + "/crm/v3/objects/deals?" + query;
    }
}
