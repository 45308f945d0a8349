package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.Dataset;
import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.SimulatedDeal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The portal's deals: read lock-free through snapshots, written one mutation at a time. */
public final class DealStore implements Dataset {

    private final TreeMap<Long, SimulatedDeal> byNumericId = new TreeMap<>();
    private volatile Snapshot snapshot;

    DealStore(Collection<SimulatedDeal> deals) {
        deals.forEach(deal -> byNumericId.put(deal.numericId(), deal));
        snapshot = new Snapshot(0, byNumericId.values());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Adds or replaces deals (matched by id) and publishes the new state at once. */
    public synchronized void upsert(Collection<SimulatedDeal> deals) {
        deals.forEach(deal -> byNumericId.put(deal.numericId(), deal));
        snapshot = new Snapshot(snapshot.version() + 1, byNumericId.values());
    }

    /** The highest deal id held, archived deals included. */
    public synchronized long maxId() {
        return byNumericId.isEmpty() ? 0 : byNumericId.lastKey();
    }

    @Override
    public List<SimulatedDeal> deals() {
        return snapshot.all();
    }

    @Override
    public List<SimulatedDeal> activeDeals() {
        return snapshot.active();
    }

    @Override
    public List<SimulatedDeal> archivedDeals() {
        return snapshot.archived();
    }

    @Override
    public Optional<SimulatedDeal> find(String id) {
        return snapshot.find(id);
    }

    @Override
    public List<PropertyDefinition> properties() {
        return PropertyCatalog.definitions();
    }

    @Override
    public List<String> defaultPropertyNames() {
        return PropertyCatalog.DEFAULT_PROPERTIES;
    }
}
