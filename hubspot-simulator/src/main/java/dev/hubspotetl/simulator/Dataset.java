package dev.hubspotetl.simulator;

import dev.hubspotetl.simulator.dataset.DatasetGenerator;

import java.util.List;
import java.util.Optional;

/**
 * What the simulated portal holds right now, for tests to compare with what a pipeline loaded.
 * With {@link SimulatorConfig#mutateBetweenPages()} the contents change while a scan runs;
 * every call reads the current state.
 */
public interface Dataset {

    /** Every deal, archived ones included, in id order. */
    List<SimulatedDeal> deals();

    /** The deals a default list or search returns: those not archived, in id order. */
    List<SimulatedDeal> activeDeals();

    /** The archived deals, in id order. */
    List<SimulatedDeal> archivedDeals();

    Optional<SimulatedDeal> find(String id);

    /** Every deal property definition, HubSpot's and the portal's custom ones. */
    List<PropertyDefinition> properties();

    /** Names of the properties HubSpot returns when a request names none. */
    List<String> defaultPropertyNames();

    /**
     * Builds the dataset a simulator started with this configuration would serve, without
     * starting one: same seed, same deals.
     */
    static Dataset generate(SimulatorConfig config) {
        return DatasetGenerator.generate(config);
    }
}
