package dev.hubspotetl.transformer.normalize;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw HubSpot page to its deals. The page must be a JSON object whose {@code results} array holds
 * exactly {@code result_count} objects, the number the extractor reported; otherwise the whole page
 * is {@link MalformedPageException malformed}, so that deals emitted plus deals failed always equal
 * {@code result_count}. Within a sound page, each result succeeds or fails on its own.
 *
 * <p>Jackson's tree model: a page is at most 100 results, the benchmark shows parsing is a minor
 * part of the cost, and the tree gives raw_properties by re-serializing one node. Numbers keep their
 * exact decimal form so that raw_properties does not turn {@code 1.10} into {@code 1.1}.
 */
public final class PageNormalizer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final DealNormalizer dealNormalizer = new DealNormalizer();

    public NormalizedPage normalize(RawDealPage page) throws MalformedPageException {
        JsonNode results = results(page);
        List<Deal> deals = new ArrayList<>(results.size());
        List<FailedResult> failures = new ArrayList<>(0);
        for (int index = 0; index < results.size(); index++) {
            JsonNode result = results.get(index);
            try {
                deals.add(dealNormalizer.normalize(page, result, index));
            } catch (InvalidDealException e) {
                failures.add(new FailedResult(index, result.toString(), e));
            }
        }
        return new NormalizedPage(deals, failures);
    }

    private static JsonNode results(RawDealPage page) throws MalformedPageException {
        JsonNode root;
        try {
            root = JSON.readTree(page.getBody());
        } catch (JacksonException e) {
            throw new MalformedPageException(describe(page) + ": the body is not JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPageException(describe(page) + ": the body is not a JSON object");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new MalformedPageException(describe(page) + ": the body has no results array");
        }
        for (int index = 0; index < results.size(); index++) {
            if (!results.get(index).isObject()) {
                throw new MalformedPageException(describe(page) + ": result " + index
                        + " is not a deal object but " + results.get(index).getNodeType());
            }
        }
        if (results.size() != page.getResultCount()) {
            throw new MalformedPageException(describe(page) + ": the body holds " + results.size()
                    + " results but result_count is " + page.getResultCount());
        }
        return results;
    }

    /** How logs and error messages name a page. */
    public static String describe(RawDealPage page) {
        return "page " + page.getPageNumber() + " of scan " + page.getScanId();
    }
}
