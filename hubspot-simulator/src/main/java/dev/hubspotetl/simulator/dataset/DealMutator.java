package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.SimulatedDeal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Changes the portal while a scan pages through it, as users and workflows do on a live portal:
 * after every page one deal is edited (its modification time jumps to now), one is created (with
 * an id after all others) and one is archived. Which deals is drawn from the seed.
 */
public final class DealMutator {

    private final DealStore store;
    private final long seed;
    private final int firstNewIndex;
    private final Random random;
    private final Clock clock;
    private int created;
    private Instant last = Instant.EPOCH;

    public DealMutator(DealStore store, long seed, int existingDeals, Clock clock) {
        this.store = store;
        this.seed = seed;
        this.firstNewIndex = existingDeals;
        this.random = new Random(seed ^ 0x6D757461746F72L);
        this.clock = clock;
    }

    /** Applies one round of edits; called after each page of deals is answered. */
    public synchronized void afterPage() {
        List<SimulatedDeal> active = store.snapshot().active();
        if (active.size() < 2) {
            return;
        }
        Instant now = nextInstant();
        int editedAt = random.nextInt(active.size());
        int archivedAt = (editedAt + 1 + random.nextInt(active.size() - 1)) % active.size();
        SimulatedDeal edited = edit(active.get(editedAt), now);
        SimulatedDeal archived = active.get(archivedAt).archivedAt(now);
        long newId = store.maxId() + 1 + random.nextInt(40);
        SimulatedDeal fresh = DatasetGenerator.newDeal(seed, newId, firstNewIndex + created++, now);
        store.upsert(List.of(edited, archived, fresh));
    }

    private SimulatedDeal edit(SimulatedDeal deal, Instant now) {
        Pipelines.Pipeline pipeline = Pipelines.ALL.stream()
                .filter(p -> p.id().equals(deal.property("pipeline")))
                .findFirst()
                .orElse(Pipelines.ALL.get(0));
        Pipelines.Stage stage = MessyValues.pick(random, pipeline.stages());
        String amount = Long.toString(1_000 + random.nextInt(90_000));
        return deal.edited(Map.of(
                "amount", amount,
                "dealstage", stage.id(),
                "hs_deal_stage_probability", stage.probability(),
                "hs_is_closed", Boolean.toString(stage.closed())), now);
    }

    // Strictly increasing, so "modified after the previous scan" always sees each edit.
    private Instant nextInstant() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        last = now.isAfter(last) ? now : last.plusMillis(1);
        return last;
    }
}
