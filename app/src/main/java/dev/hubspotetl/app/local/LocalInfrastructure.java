package dev.hubspotetl.app.local;

import dev.hubspotetl.app.cli.CliOptions;
import dev.hubspotetl.app.cli.UsageException;
import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.console.Steps;
import dev.hubspotetl.app.embedded.EmbeddedHubSpot;
import dev.hubspotetl.app.embedded.EmbeddedKafkaBroker;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import dev.hubspotetl.app.embedded.Ports;
import dev.hubspotetl.app.stages.StageConfiguration.Database;
import dev.hubspotetl.app.stages.StageConfiguration.SimulatedHubSpot;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts around the stages: a Kafka broker, a PostgreSQL and (in the demo) HubSpot. Each one runs
 * embedded unless its configuration is given ({@code spring.kafka.bootstrap-servers},
 * {@code spring.datasource.url}, {@code etl.hubspot.base-url}); then the configured one is used and
 * nothing is started for it. Closing stops the simulator, then the broker, then PostgreSQL.
 */
final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    static final String HUBSPOT_BASE_URL = "etl.hubspot.base-url";
    static final String KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String DATASOURCE_URL = "spring.datasource.url";
    private static final String DEFAULT_HUBSPOT = "https://api.hubapi.com";

    private final CliOptions options;
    private final UserConfiguration user;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private EmbeddedHubSpot hubspot;
    private boolean closed;

    LocalInfrastructure(CliOptions options, UserConfiguration user) {
        this.options = options;
        this.user = user;
    }

    /** The credential reference the scan names: the simulator's, the one asked for, or the only one configured. */
    String credentialRef() {
        if (simulated()) {
            return EmbeddedHubSpot.CREDENTIAL_REF;
        }
        if (options.credentialRef().isPresent()) {
            return options.credentialRef().get();
        }
        Map<String, String> configured = user.map("etl.hubspot.credentials");
        if (configured.size() == 1) {
            return configured.keySet().iterator().next();
        }
        throw new UsageException(configured.isEmpty()
                ? "No HubSpot credential configured: set ETL_HUBSPOT_CREDENTIALS_<REF>=<private-app token>"
                        + " (or etl.hubspot.credentials-dir) and, if needed, --credential-ref=<ref>"
                : "Several HubSpot credentials are configured " + configured.keySet()
                        + ": choose one with --credential-ref=<ref>");
    }

    boolean simulated() {
        return options.demo() && !user.isGiven(HUBSPOT_BASE_URL);
    }

    String hubspotDescription() {
        if (!simulated()) {
            return user.get(HUBSPOT_BASE_URL).orElse(DEFAULT_HUBSPOT) + " (credential " + credentialRef() + ")";
        }
        return "simulator, " + deals() + " deals, seed " + options.seed()
                + (options.fast() ? ", rate limits off (--fast)" : ", HubSpot's rate limits (100 calls/10 s)");
    }

    /** Starts whatever is not configured, reporting each start as a step. */
    void start(Steps steps) {
        Path dataDir = options.dataDir();
        if (!user.isGiven(DATASOURCE_URL)) {
            int port = options.postgresPort();
            EmbeddedPostgresServer.stopLeftover(dataDir.resolve("postgres"));
            Ports.requireFree(port, "the embedded PostgreSQL", "--postgres-port=N, or configure spring.datasource.url");
            EmbeddedPostgresServer started = steps.run("PostgreSQL  (embedded, localhost:" + port + ")",
                    () -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port));
            keep(() -> postgres = started, started);
        }
        if (!user.isGiven(KAFKA_BOOTSTRAP_SERVERS)) {
            int port = options.kafkaPort();
            Ports.requireFree(port, "the embedded Kafka broker",
                    "--kafka-port=N, or configure spring.kafka.bootstrap-servers");
            EmbeddedKafkaBroker started = steps.run("Kafka       (embedded KRaft, localhost:" + port + ")",
                    () -> EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port));
            keep(() -> kafka = started, started);
        }
        if (simulated()) {
            EmbeddedHubSpot started = steps.run("HubSpot     (simulator, " + deals() + " deals)",
                    () -> EmbeddedHubSpot.start(options.deals(), options.seed(), options.fast()));
            keep(() -> hubspot = started, started);
        }
    }

    private String deals() {
        return String.format(Locale.ROOT, "%,d", options.deals());
    }

    synchronized Optional<String> embeddedKafka() {
        return Optional.ofNullable(kafka).map(EmbeddedKafkaBroker::bootstrapServers);
    }

    synchronized Optional<Database> embeddedDatabase() {
        return Optional.ofNullable(postgres).map(pg -> new Database(pg.jdbcUrl(), pg.username(), pg.password()));
    }

    synchronized Optional<SimulatedHubSpot> simulatedHubSpot() {
        return Optional.ofNullable(hubspot)
                .map(sim -> new SimulatedHubSpot(sim.baseUrl(), EmbeddedHubSpot.CREDENTIAL_REF, sim.token()));
    }

    /** The number of deals the scan will find, when known in advance (the simulator's portal). */
    synchronized OptionalLong expectedDeals() {
        return hubspot == null ? OptionalLong.empty() : OptionalLong.of(hubspot.listedDeals());
    }

    @Override
    public void close() {
        close(null);
    }

    /** Stops the simulator, the broker and PostgreSQL, whichever run here; idempotent. */
    void close(Steps steps) {
        EmbeddedHubSpot simulator;
        EmbeddedKafkaBroker broker;
        EmbeddedPostgresServer database;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            simulator = hubspot;
            broker = kafka;
            database = postgres;
        }
        stop(steps, "HubSpot simulator", simulator);
        stop(steps, "Kafka", broker);
        stop(steps, "PostgreSQL", database);
    }

    /** Stops one part; a failure is logged and reported, and does not keep the next part running. */
    private static void stop(Steps steps, String label, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            if (steps == null) {
                closePart(part);
            } else {
                steps.run("Stopping " + label, () -> {
                    closePart(part);
                    return null;
                });
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("{} did not stop cleanly", label, e);
        }
    }

    private static void closePart(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop " + part.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Records a started part, unless stopping began meanwhile (Ctrl-C during start-up): then it is stopped at once. */
    private synchronized void keep(Runnable record, AutoCloseable started) {
        if (closed) {
            closePart(started);
            throw new CancellationException("local mode is stopping");
        }
        record.run();
    }
}
