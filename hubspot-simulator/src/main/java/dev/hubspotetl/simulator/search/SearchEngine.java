package dev.hubspotetl.simulator.search;

import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.dataset.Snapshot;
import dev.hubspotetl.simulator.search.SearchRequest.Sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs searches over the deals that are not archived (search never returns archived deals).
 * A scan asks for page after page of one query, so the sorted result of a query is kept per
 * snapshot and later pages cost a sublist; any mutation makes a new snapshot and a fresh result,
 * which is how offsets shift under a scan on real HubSpot.
 */
public final class SearchEngine {

    /** One answer: the total matches (not capped at 10,000), this page, and the next offset if any. */
    public record Result(long total, List<SimulatedDeal> page, String nextAfter) {
    }

    private record CacheKey(SearchRequest.Criteria criteria, long snapshotVersion) {
    }

    private record Keyed(SimulatedDeal deal, Comparable<?>[] keys, long id) {
    }

    private static final int CACHED_QUERIES = 16;

    private final Map<CacheKey, List<SimulatedDeal>> results = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, List<SimulatedDeal>> eldest) {
            return size() > CACHED_QUERIES;
        }
    };

    public Result search(SearchRequest request, Snapshot snapshot) {
        List<SimulatedDeal> matches = matches(request, snapshot);
        int start = Math.min(request.after(), matches.size());
        int end = Math.min(matches.size(), start + request.limit());
        String next = end < matches.size() ? Integer.toString(end) : null;
        return new Result(matches.size(), matches.subList(start, end), next);
    }

    private List<SimulatedDeal> matches(SearchRequest request, Snapshot snapshot) {
        CacheKey key = new CacheKey(request.criteria(), snapshot.version());
        synchronized (results) {
            List<SimulatedDeal> cached = results.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<SimulatedDeal> computed = compute(request, snapshot);
        synchronized (results) {
            results.put(key, computed);
        }
        return computed;
    }

    private static List<SimulatedDeal> compute(SearchRequest request, Snapshot snapshot) {
        List<Sort> sorts = request.sorts();
        List<Keyed> keyed = new ArrayList<>();
        for (SimulatedDeal deal : snapshot.active()) {
            if (FilterMatcher.matches(deal, request.filterGroups(), request.query())) {
                Comparable<?>[] keys = new Comparable<?>[sorts.size()];
                for (int i = 0; i < keys.length; i++) {
                    String property = sorts.get(i).propertyName();
                    keys[i] = PropertyComparison.key(property, deal.property(property));
                }
                keyed.add(new Keyed(deal, keys, deal.numericId()));
            }
        }
        keyed.sort(order(sorts));
        return keyed.stream().map(Keyed::deal).toList();
    }

    // Sort rules in order, deals without a value last, then id: a stable order for offset paging.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Keyed> order(List<Sort> sorts) {
        Comparator<Keyed> order = (a, b) -> 0;
        for (int i = 0; i < sorts.size(); i++) {
            int at = i;
            Comparator<Comparable> direction = sorts.get(i).ascending()
                    ? Comparator.naturalOrder() : Comparator.reverseOrder();
            order = order.thenComparing(k -> (Comparable) k.keys()[at], Comparator.nullsLast(direction));
        }
        return order.thenComparingLong(Keyed::id);
    }
}
