package dev.hubspotetl.simulator.search;

import java.util.List;

/**
 * A parsed {@code POST /crm/v3/objects/deals/search} body.
 *
 * @param filterGroups groups OR-ed together; filters within a group AND-ed
 * @param sorts        sort rules, applied in order, then by id
 * @param query        free text matched against the deal name, or null
 * @param properties   properties to return, or null for HubSpot's default set
 * @param limit        page size, 1–200
 * @param after        offset of the first result (HubSpot's search cursor is an offset)
 */
public record SearchRequest(
        List<List<Filter>> filterGroups,
        List<Sort> sorts,
        String query,
        List<String> properties,
        int limit,
        int after) {

    /** One filter: {@code value} for one-value operators, {@code highValue} for BETWEEN, {@code values} for IN. */
    public record Filter(String propertyName, Operator operator, String value, String highValue, List<String> values) {
    }

    public record Sort(String propertyName, boolean ascending) {
    }

    public enum Operator {
        EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN,
        NOT_CONTAINS_TOKEN
    }

    /** What determines the result set; pages of one query share it, so it keys the result cache. */
    record Criteria(List<List<Filter>> filterGroups, List<Sort> sorts, String query) {
    }

    Criteria criteria() {
        return new Criteria(filterGroups, sorts, query);
    }
}
