package dev.hubspotetl.app.stages;

import dev.hubspotetl.app.config.UserConfiguration;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * What local mode tells the stages, on top of their own {@code application.yml} and whatever the user
 * configured. Connection settings are passed only for the parts running embedded, so a configured
 * broker, database or HubSpot is used as given; local-mode defaults (a state directory under the
 * data directory, a stable extractor instance id, a loopback-only API) yield to the user's settings.
 *
 * @param userProperties    the {@code --name=value} arguments of the command line, for every stage
 * @param embeddedKafka     bootstrap servers of the embedded broker; empty when the user configured one
 * @param embeddedDatabase  the embedded PostgreSQL; empty when the user configured a datasource
 * @param simulatedHubSpot  the simulator, with the credential the extractor needs; empty when not simulated
 * @param fast              HubSpot's rate limits off in the extractor (the demo's --fast)
 * @param dataDir           local mode's data directory
 * @param apiPort           the API's port
 * @param apiKey            the API key local mode submits its scan with
 * @param organization      the organization that key belongs to
 */
public record StageConfiguration(Map<String, String> userProperties, Optional<String> embeddedKafka,
                                 Optional<Database> embeddedDatabase, Optional<SimulatedHubSpot> simulatedHubSpot,
                                 boolean fast, Path dataDir, int apiPort, String apiKey, String organization) {

    /** A PostgreSQL database to connect to. */
    public record Database(String url, String username, String password) {
    }

    /** The simulator's base URL and the credential reference the extractor maps to its token. */
    public record SimulatedHubSpot(String baseUrl, String credentialRef, String token) {

        @Override
        public String toString() {
            return "SimulatedHubSpot[baseUrl=" + baseUrl + ", credentialRef=" + credentialRef + "]";
        }
    }

    public StageConfiguration {
        userProperties = Map.copyOf(userProperties);
        Objects.requireNonNull(embeddedKafka, "embeddedKafka");
        Objects.requireNonNull(embeddedDatabase, "embeddedDatabase");
        Objects.requireNonNull(simulatedHubSpot, "simulatedHubSpot");
    }

    /** The properties of one stage's context, as {@code --name=value} arguments take them. */
    public Map<String, String> propertiesFor(Stage stage, UserConfiguration user) {
        Map<String, String> properties = new LinkedHashMap<>(userProperties);
        // Each stage keeps its metrics to itself; several contexts in one JVM would otherwise share one registry.
        properties.put("management.metrics.use-global-registry", "false");
        embeddedKafka.ifPresent(servers -> properties.put("spring.kafka.bootstrap-servers", servers));
        if (stage.usesDatabase()) {
            embeddedDatabase.ifPresent(db -> {
                properties.put("spring.datasource.url", db.url());
                properties.put("spring.datasource.username", db.username());
                properties.put("spring.datasource.password", db.password());
            });
        } else {
            // The database jars are on local mode's classpath for the loader; these stages hold no connection.
            properties.put("spring.autoconfigure.exclude",
                    DataSourceAutoConfiguration.class.getName() + "," + FlywayAutoConfiguration.class.getName());
        }
        switch (stage) {
            case EXTRACTOR -> extractor(properties, user);
            case TRANSFORMER -> transformer(properties, user);
            case API -> api(properties, user);
            case LOADER -> { }
        }
        return properties;
    }

    private void extractor(Map<String, String> properties, UserConfiguration user) {
        simulatedHubSpot.ifPresent(hubspot -> {
            properties.put("etl.hubspot.base-url", hubspot.baseUrl());
            properties.put("etl.hubspot.credentials." + hubspot.credentialRef(), hubspot.token());
        });
        if (fast) {
            properties.put("etl.hubspot.rate-limit.requests", "0");
            properties.put("etl.hubspot.rate-limit.search-per-second", "0");
        }
        // A stable id makes a restarted extractor fence its predecessor's open transactions at once.
        defaultTo(properties, user, "etl.extractor.instance-id", localInstanceId());
    }

    private void transformer(Map<String, String> properties, UserConfiguration user) {
        defaultTo(properties, user, "etl.transformer.state-dir",
                dataDir.resolve("kafka-streams").toAbsolutePath().toString());
        // Kafka Streams does not leave its group on close; without a static member id, a restarted
        // instance waits out its predecessor's session (45 s) before it gets its partitions back.
        defaultTo(properties, user, "spring.kafka.streams.properties.group.instance.id",
                localInstanceId() + "-transformer");
    }

    private void api(Map<String, String> properties, UserConfiguration user) {
        properties.put("server.port", String.valueOf(apiPort));
        defaultTo(properties, user, "server.address", "127.0.0.1");
        properties.put("etl.api.keys[" + apiKey + "]", organization);
    }

    /**
     * The same for every run on this data directory, different for another one: two local modes
     * sharing a broker must not claim the same static group member or transactional id.
     */
    String localInstanceId() {
        return "local-" + HexFormat.of().toHexDigits(dataDir.toAbsolutePath().normalize().toString().hashCode());
    }

    private static void defaultTo(Map<String, String> properties, UserConfiguration user, String name, String value) {
        if (!user.isGiven(name)) {
            properties.putIfAbsent(name, value);
        }
    }
}
