package dev.hubspotetl.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated command line.
 *
 * @param command           what to do
 * @param deals             demo: deals in the simulated portal, archived ones included
 * @param seed              demo: the simulator's seed (same seed, same portal)
 * @param fast              demo: HubSpot's rate limits off, in the simulator and the extractor
 * @param exitAfterSummary  stop after the summary instead of keeping the API up until Ctrl-C
 * @param dataDir           where the embedded PostgreSQL, Kafka and the logs keep their files
 * @param kafkaPort         the embedded broker's port
 * @param postgresPort      the embedded PostgreSQL's port
 * @param apiPort           the API's port, when given on the command line
 * @param organization      the organization the scan runs for (the API key's tenant)
 * @param credentialRef     the HubSpot credential reference the scan names, when given
 * @param batchSize         deals per HubSpot page, 1 to 100
 * @param springProperties  {@code --name=value} arguments for every stage, in the order given
 */
public record CliOptions(Command command, int deals, long seed, boolean fast, boolean exitAfterSummary,
                         Path dataDir, int kafkaPort, int postgresPort, OptionalInt apiPort,
                         String organization, Optional<String> credentialRef, int batchSize,
                         Map<String, String> springProperties) {

    public CliOptions {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(apiPort, "apiPort");
        Objects.requireNonNull(credentialRef, "credentialRef");
        Objects.requireNonNull(organization, "organization");
        springProperties = Map.copyOf(springProperties);
    }

    public boolean demo() {
        return command == Command.DEMO;
    }
}
