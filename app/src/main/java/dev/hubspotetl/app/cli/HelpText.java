package dev.hubspotetl.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code hubspot-etl --help} prints. */
public final class HelpText {

    private HelpText() {
    }

    public static String render() {
        String commands = Arrays.stream(Command.values())
                .map(c -> String.format(Locale.ROOT, "  %-6s %s", c.word(), c.description()))
                .collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, """
                Usage: hubspot-etl <command> [options] [--<spring.property>=<value> ...]

                Commands:
                %s

                Runs, in this one JVM, a Kafka broker (KRaft), a PostgreSQL, the extractor, the transformer,
                the loader and the API, submits a scan through the API, shows its progress and a summary, then
                keeps the API up until Ctrl-C. Ctrl-C stops everything cleanly; the data stays for the next run.

                Options:
                  --deals=N            demo: deals in the simulated portal, archived ones included (%,d);
                                       bench: deals of the throughput scan (%,d)
                  --seed=N             demo, bench: the simulator's seed; same seed, same portal (%d)
                  --fast               demo: switch HubSpot's rate limits (100 calls / 10 s) off
                  --exit               stop after the summary instead of serving the API until Ctrl-C
                  --data-dir=PATH      files of the embedded PostgreSQL and Kafka, and the log
                                       ($%s, or ./.hubspot-etl)
                  --kafka-port=N       port of the embedded Kafka broker (%d)
                  --postgres-port=N    port of the embedded PostgreSQL (%d)
                  --api-port=N         port of the API (server.port, or 8080)
                  --org=ID             organization the scan runs for (demo: demo, run: local)
                  --credential-ref=REF run: the HubSpot credential the scan uses (default: the only
                                       etl.hubspot.credentials.<ref> configured)
                  --batch-size=N       deals per HubSpot page, 1-100 (%d)
                  --rebuild            (launcher) rebuild the jar with ./mvnw first
                  --bench.budget-seconds=N  bench: length of the rate-limited scan (60)
                  --bench.output-dir=PATH   bench: where the JSON goes (<repository>/target/bench)
                  --bench.keep-data=true    bench: keep the run's PostgreSQL and Kafka data
                  --bench.warm-up=false     bench: time the JVM's first scan (no warm-up scan)
                  -h, --help           this text

                Each embedded part gives way to the real one once its configuration is given, as an
                environment variable, a --property=value argument or in ./application.yml:
                  spring.kafka.bootstrap-servers   SPRING_KAFKA_BOOTSTRAPSERVERS   no embedded Kafka
                  spring.datasource.url/username/password  SPRING_DATASOURCE_URL ...  no embedded PostgreSQL
                  etl.hubspot.base-url             ETL_HUBSPOT_BASEURL             no simulator (demo)
                  etl.hubspot.credentials.<ref>    ETL_HUBSPOT_CREDENTIALS_<REF>   the token of <ref> (run)

                Examples:
                  hubspot-etl demo
                  hubspot-etl demo --deals=2000 --exit
                  hubspot-etl bench --deals=200000
                  ETL_HUBSPOT_CREDENTIALS_PORTAL=pat-na1-... hubspot-etl run
                """, commands, CliParser.DEFAULT_DEALS, CliParser.DEFAULT_BENCH_DEALS, CliParser.DEFAULT_SEED,
                CliParser.DATA_DIR_VARIABLE, CliParser.DEFAULT_KAFKA_PORT, CliParser.DEFAULT_POSTGRES_PORT, CliParser.DEFAULT_BATCH_SIZE);
    }
}
