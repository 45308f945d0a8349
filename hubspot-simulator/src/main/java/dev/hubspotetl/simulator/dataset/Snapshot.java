package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.SimulatedDeal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable state of the portal. Requests read a snapshot and never see a half-applied
 * mutation; a mutation publishes a new snapshot.
 */
public final class Snapshot {

    /**
     * One page of the list endpoint: the deals, the cursor of the next page (null on the last),
     * and where the page starts among the snapshot's active (or archived) deals, which lets a
     * renderer cache each deal's bytes by position.
     */
    public record ListPage(List<SimulatedDeal> deals, String nextAfter, boolean archived, int start) {
    }

    private final long version;
    private final SimulatedDeal[] active;
    private final long[] activeIds;
    private final SimulatedDeal[] archived;
    private final long[] archivedIds;
    private final Map<String, SimulatedDeal> byId;
    private final List<SimulatedDeal> all;

    Snapshot(long version, Collection<SimulatedDeal> dealsInIdOrder) {
        this.version = version;
        List<SimulatedDeal> live = new ArrayList<>();
        List<SimulatedDeal> binned = new ArrayList<>();
        Map<String, SimulatedDeal> index = new HashMap<>(dealsInIdOrder.size() * 2);
        for (SimulatedDeal deal : dealsInIdOrder) {
            (deal.archived() ? binned : live).add(deal);
            index.put(deal.id(), deal);
        }
        this.active = live.toArray(SimulatedDeal[]::new);
        this.activeIds = ids(active);
        this.archived = binned.toArray(SimulatedDeal[]::new);
        this.archivedIds = ids(archived);
        this.byId = index;
        this.all = List.copyOf(dealsInIdOrder);
    }

    public long version() {
        return version;
    }

    public List<SimulatedDeal> all() {
        return all;
    }

    public List<SimulatedDeal> active() {
        return Collections.unmodifiableList(Arrays.asList(active));
    }

    /** How many deals a list over active (or archived) deals can page through. */
    public int listSize(boolean archivedOnly) {
        return archivedOnly ? archived.length : active.length;
    }

    public List<SimulatedDeal> archived() {
        return Collections.unmodifiableList(Arrays.asList(archived));
    }

    public Optional<SimulatedDeal> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The list endpoint's page: deals in id order starting at the first id not below
     * {@code fromId}. The cursor is the id of the next deal, so a deal archived between two
     * pages does not shift the ones after it.
     */
    public ListPage page(boolean archivedOnly, long fromId, int limit) {
        SimulatedDeal[] deals = archivedOnly ? archived : active;
        long[] ids = archivedOnly ? archivedIds : activeIds;
        int start = Arrays.binarySearch(ids, fromId);
        if (start < 0) {
            start = -start - 1;
        }
        int end = Math.min(deals.length, start + limit);
        List<SimulatedDeal> page = Arrays.asList(deals).subList(start, end);
        return new ListPage(page, end < deals.length ? Long.toString(ids[end]) : null, archivedOnly, start);
    }

    private static long[] ids(SimulatedDeal[] deals) {
        long[] ids = new long[deals.length];
        for (int i = 0; i < deals.length; i++) {
            ids[i] = deals[i].numericId();
        }
        return ids;
    }
}
