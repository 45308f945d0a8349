package dev.hubspotetl.simulator.search;

import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.search.SearchRequest.Filter;

import java.util.List;
import java.util.Locale;

/** Whether a deal passes a search's filter groups: any group, and within it every filter. */
final class FilterMatcher {

    private FilterMatcher() {
    }

    static boolean matches(SimulatedDeal deal, List<List<Filter>> groups, String query) {
        if (query != null && !query.isBlank() && !containsText(deal.property("dealname"), query)) {
            return false;
        }
        if (groups.isEmpty()) {
            return true;
        }
        for (List<Filter> group : groups) {
            if (group.stream().allMatch(filter -> matches(deal, filter))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(SimulatedDeal deal, Filter filter) {
        String property = filter.propertyName();
        String value = deal.property(property);
        boolean present = value != null && !value.isEmpty();
        return switch (filter.operator()) {
            case HAS_PROPERTY -> present;
            case NOT_HAS_PROPERTY -> !present;
            case EQ -> isEqual(property, value, filter.value());
            // HubSpot's NEQ also keeps records that have no value at all.
            case NEQ -> !isEqual(property, value, filter.value());
            case LT -> holds(PropertyComparison.compare(property, value, filter.value()), c -> c < 0);
            case LTE -> holds(PropertyComparison.compare(property, value, filter.value()), c -> c <= 0);
            case GT -> holds(PropertyComparison.compare(property, value, filter.value()), c -> c > 0);
            case GTE -> holds(PropertyComparison.compare(property, value, filter.value()), c -> c >= 0);
            case BETWEEN -> holds(PropertyComparison.compare(property, value, filter.value()), c -> c >= 0)
                    && holds(PropertyComparison.compare(property, value, filter.highValue()), c -> c <= 0);
            case IN -> filter.values().stream().anyMatch(wanted -> isEqual(property, value, wanted));
            case NOT_IN -> filter.values().stream().noneMatch(wanted -> isEqual(property, value, wanted));
            case CONTAINS_TOKEN -> containsText(value, filter.value());
            case NOT_CONTAINS_TOKEN -> !containsText(value, filter.value());
        };
    }

    private static boolean isEqual(String property, String dealValue, String filterValue) {
        Integer comparison = PropertyComparison.compare(property, dealValue, filterValue);
        return comparison != null && comparison == 0;
    }

    private static boolean holds(Integer comparison, java.util.function.IntPredicate test) {
        return comparison != null && test.test(comparison);
    }

    private static boolean containsText(String value, String token) {
        if (value == null || token == null) {
            return false;
        }
        String wanted = token.replace("*", "").toLowerCase(Locale.ROOT);
        return value.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
