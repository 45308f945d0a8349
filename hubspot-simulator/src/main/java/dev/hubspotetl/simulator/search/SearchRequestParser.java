package dev.hubspotetl.simulator.search;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.simulator.dataset.PropertyCatalog;
import dev.hubspotetl.simulator.search.SearchRequest.Filter;
import dev.hubspotetl.simulator.search.SearchRequest.Operator;
import dev.hubspotetl.simulator.search.SearchRequest.Sort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a search body and enforces the limits of HubSpot's search reference. */
public final class SearchRequestParser {

    /** Page size limits of the search endpoint. */
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 200;
    /** No query can reach past its 10,000th result. */
    public static final int MAX_RESULTS = 10_000;
    static final int MAX_FILTER_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 6;
    static final int MAX_FILTERS = 18;

    private final ObjectMapper json;
    private final int maxBodyChars;

    public SearchRequestParser(ObjectMapper json, int maxBodyChars) {
        this.json = json;
        this.maxBodyChars = maxBodyChars;
    }

    public SearchRequest parse(String body) {
        if (maxBodyChars > 0 && body.length() > maxBodyChars) {
            throw new SearchRejected("The request body is " + body.length() + " characters long; search accepts "
                    + maxBodyChars + " at most.");
        }
        JsonNode root;
        try {
            root = body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            throw new SearchRejected("Invalid input JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new SearchRejected("Invalid input JSON: expected an object");
        }
        int limit = intField(root, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SearchRejected("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        int after = intField(root, "after", 0);
        if (after < 0) {
            throw new SearchRejected("after must not be negative, was " + after);
        }
        if ((long) after + limit > MAX_RESULTS) {
            throw new SearchRejected("Search results are limited to " + MAX_RESULTS + " per query: after " + after
                    + " with limit " + limit + " reaches past them. Narrow the query with filters instead.");
        }
        List<List<Filter>> groups = filterGroups(root.path("filterGroups"));
        String query = root.hasNonNull("query") ? root.get("query").asText() : null;
        return new SearchRequest(groups, sorts(root.path("sorts")), query, properties(root.get("properties")), limit,
                after);
    }

    private static List<List<Filter>> filterGroups(JsonNode node) {
        List<List<Filter>> groups = new ArrayList<>();
        int total = 0;
        for (JsonNode group : node) {
            List<Filter> filters = new ArrayList<>();
            for (JsonNode filter : group.path("filters")) {
                filters.add(filter(filter));
            }
            if (filters.size() > MAX_FILTERS_PER_GROUP) {
                throw new SearchRejected("A filter group can hold at most " + MAX_FILTERS_PER_GROUP + " filters, this one has "
                        + filters.size());
            }
            total += filters.size();
            groups.add(List.copyOf(filters));
        }
        if (groups.size() > MAX_FILTER_GROUPS) {
            throw new SearchRejected("At most " + MAX_FILTER_GROUPS + " filterGroups are allowed, got " + groups.size());
        }
        if (total > MAX_FILTERS) {
            throw new SearchRejected("At most " + MAX_FILTERS + " filters are allowed in total, got " + total);
        }
        return List.copyOf(groups);
    }

    private static Filter filter(JsonNode node) {
        String property = node.path("propertyName").asText("");
        if (!PropertyCatalog.isDefined(property)) {
            throw new SearchRejected("Unknown property in filter: '" + property + "'");
        }
        Operator operator;
        try {
            operator = Operator.valueOf(node.path("operator").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SearchRejected("Unknown filter operator '" + node.path("operator").asText("") + "'");
        }
        String value = node.hasNonNull("value") ? node.get("value").asText() : null;
        String highValue = node.hasNonNull("highValue") ? node.get("highValue").asText() : null;
        List<String> values = new ArrayList<>();
        node.path("values").forEach(v -> values.add(v.asText()));
        boolean needsValue = operator != Operator.HAS_PROPERTY && operator != Operator.NOT_HAS_PROPERTY
                && operator != Operator.IN && operator != Operator.NOT_IN;
        if (needsValue && value == null) {
            throw new SearchRejected("Filter " + operator + " on " + property + " needs a value");
        }
        if (operator == Operator.BETWEEN && highValue == null) {
            throw new SearchRejected("Filter BETWEEN on " + property + " needs a highValue");
        }
        return new Filter(property, operator, value, highValue, List.copyOf(values));
    }

    // HubSpot takes objects ({"propertyName", "direction"}) and the older "-createdate" strings.
    private static List<Sort> sorts(JsonNode node) {
        List<Sort> sorts = new ArrayList<>();
        for (JsonNode sort : node) {
            if (sort.isTextual()) {
                String text = sort.asText();
                boolean descending = text.startsWith("-");
                sorts.add(new Sort(descending ? text.substring(1) : text, !descending));
            } else {
                String direction = sort.path("direction").asText("ASCENDING");
                sorts.add(new Sort(sort.path("propertyName").asText(""), !direction.equalsIgnoreCase("DESCENDING")));
            }
        }
        sorts.stream().filter(sort -> !PropertyCatalog.isDefined(sort.propertyName())).findFirst().ifPresent(sort -> {
            throw new SearchRejected("Unknown property in sorts: '" + sort.propertyName() + "'");
        });
        return List.copyOf(sorts);
    }

    private static List<String> properties(JsonNode node) {
        if (node == null || node.isNull() || !node.isArray() || node.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        node.forEach(name -> names.add(name.asText()));
        return List.copyOf(names);
    }

    private static int intField(JsonNode root, String field, int fallback) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new SearchRejected(field + " must be a number, was '" + value.asText() + "'");
        }
    }
}
