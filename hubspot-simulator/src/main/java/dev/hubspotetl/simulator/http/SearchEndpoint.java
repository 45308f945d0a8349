package dev.hubspotetl.simulator.http;

import dev.hubspotetl.simulator.dataset.DealStore;
import dev.hubspotetl.simulator.search.SearchEngine;
import dev.hubspotetl.simulator.search.SearchRejected;
import dev.hubspotetl.simulator.search.SearchRequest;
import dev.hubspotetl.simulator.search.SearchRequestParser;

/** {@code POST /crm/v3/objects/deals/search}. */
final class SearchEndpoint {

    private final DealStore store;
    private final SearchRequestParser parser;
    private final SearchEngine engine;
    private final DealJsonWriter writer;
    private final ErrorBodies errors;

    SearchEndpoint(DealStore store, SearchRequestParser parser, SearchEngine engine, DealJsonWriter writer,
                   ErrorBodies errors) {
        this.store = store;
        this.parser = parser;
        this.engine = engine;
        this.writer = writer;
        this.errors = errors;
    }

    Answer search(String body, String correlationId) {
        SearchRequest request;
        try {
            request = parser.parse(body);
        } catch (SearchRejected e) {
            return errors.badRequest(e.getMessage(), correlationId);
        }
        SearchEngine.Result result = engine.search(request, store.snapshot());
        DealView view = DealView.of(request.properties(), false);
        return Answer.deals(writer.searchPage(result.total(), result.page(), view, result.nextAfter()),
                result.page().size());
    }
}
