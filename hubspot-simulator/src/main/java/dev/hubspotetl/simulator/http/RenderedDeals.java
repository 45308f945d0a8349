package dev.hubspotetl.simulator.http;

import dev.hubspotetl.simulator.dataset.Snapshot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Deals already rendered as JSON, per snapshot, list (active or archived) and view, by position.
 * A scan asks for the same view page after page and benchmarks rescan the same portal, so
 * rendering each deal once is what lifts the list endpoint past 100,000 deals per second.
 * A mutation makes a new snapshot, and the old snapshot's renderings are dropped.
 */
final class RenderedDeals {

    private static final int MAX_VIEWS = 8;

    private record Key(long snapshotVersion, boolean archived, DealView view) {
    }

    private final Map<Key, AtomicReferenceArray<byte[]>> cache = new ConcurrentHashMap<>();

    /** The slots of one snapshot list and view, or null when too many views are cached already. */
    AtomicReferenceArray<byte[]> slots(Snapshot snapshot, boolean archived, DealView view) {
        Key key = new Key(snapshot.version(), archived, view);
        AtomicReferenceArray<byte[]> slots = cache.get(key);
        if (slots != null) {
            return slots;
        }
        cache.keySet().removeIf(old -> old.snapshotVersion() != snapshot.version());
        if (cache.size() >= MAX_VIEWS) {
            return null;
        }
        return cache.computeIfAbsent(key, k -> new AtomicReferenceArray<>(snapshot.listSize(archived)));
    }
}
