package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.SimulatorConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds a portal's deals from the configuration alone: the same seed always gives the same deals. */
public final class DatasetGenerator {

    /** The first deal id; real portals' deal ids are 10–11 digit numbers with gaps between them. */
    static final long FIRST_ID = 10_000_000_001L;
    /** Creation times are spread between these two instants, modifications up to the horizon. */
    static final Instant EPOCH = Instant.parse("2021-01-01T00:00:00Z");
    public static final Instant HORIZON = Instant.parse("2025-06-30T00:00:00Z");
    /** A month-end bulk update: many deals modified at the very same millisecond. */
    public static final Instant SHARED_MODIFICATION_INSTANT = Instant.parse("2025-05-31T22:00:00.000Z");

    private static final int HUGE_DESCRIPTIONS_MAX = 50;

    private DatasetGenerator() {
    }

    public static DealStore generate(SimulatorConfig config) {
        int count = config.deals();
        Random portal = new Random(config.seed());
        boolean[] shared = choose(portal, count, config.sharedModificationInstantDeals());
        boolean[] huge = choose(portal, count, count < 50 ? 0 : Math.min(HUGE_DESCRIPTIONS_MAX, Math.max(1, count / 1_000)));

        List<SimulatedDeal> deals = new ArrayList<>(count);
        long id = FIRST_ID;
        for (int i = 0; i < count; i++) {
            Random r = DealFactory.randomFor(config.seed(), i);
            Instant created = between(r, EPOCH, shared[i] ? SHARED_MODIFICATION_INSTANT : HORIZON);
            Instant modified = shared[i] ? SHARED_MODIFICATION_INSTANT : DealFactory.modifiedAfter(r, created, HORIZON);
            Instant archivedAt = null;
            if (!shared[i] && r.nextDouble() < config.archivedShare()) {
                archivedAt = DealFactory.modifiedAfter(r, modified, HORIZON.plus(Duration.ofDays(30)));
                modified = archivedAt; // archiving is a modification too
            }
            deals.add(DealFactory.create(Long.toString(id), i, r, created, modified, archivedAt, huge[i]));
            id += 1 + portal.nextInt(40);
        }
        return new DealStore(deals);
    }

    /** A new deal created now, numbered after every existing one. */
    static SimulatedDeal newDeal(long seed, long id, int index, Instant now) {
        Random r = DealFactory.randomFor(seed, index);
        return DealFactory.create(Long.toString(id), index, r, now, now, null, false);
    }

    private static Instant between(Random r, Instant from, Instant to) {
        return from.plusMillis((long) (r.nextDouble() * Duration.between(from, to).toMillis()));
    }

    /** Marks {@code wanted} of {@code count} positions, spread at random (a partial Fisher–Yates shuffle). */
    private static boolean[] choose(Random r, int count, int wanted) {
        boolean[] chosen = new boolean[count];
        if (wanted >= count) {
            java.util.Arrays.fill(chosen, true);
            return chosen;
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = 0; i < wanted; i++) {
            int j = i + r.nextInt(count - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen[order[i]] = true;
        }
        return chosen;
    }
}
