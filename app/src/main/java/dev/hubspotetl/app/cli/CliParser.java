package dev.hubspotetl.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@code hubspot-etl <command> [--option=value ...]} into {@link CliOptions}, refusing anything
 * it does not know with a message that names the argument. An argument whose name contains a dot
 * ({@code --spring.kafka.bootstrap-servers=...}) is a Spring property handed to every stage.
 */
public final class CliParser {

    /** The environment variable that moves the data directory (the launcher sets it to the repository's). */
    public static final String DATA_DIR_VARIABLE = "HUBSPOT_ETL_DATA_DIR";
    static final Path DEFAULT_DATA_DIR = Path.of(".hubspot-etl");
    static final int DEFAULT_DEALS = 20_000;
    static final int DEFAULT_BENCH_DEALS = 200_000;
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_POSTGRES_PORT = 55432;
    static final int DEFAULT_BATCH_SIZE = 100;
    private static final Set<String> DEMO_ONLY = Set.of("deals", "seed", "fast");
    private static final Set<String> BENCH_TOO = Set.of("deals", "seed");
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final Pattern CREDENTIAL_REF = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_\\[\\]-]+(\\.[A-Za-z0-9_\\[\\]-]+)+");

    private final Map<String, String> environment;

    public CliParser(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public CliOptions parse(String... args) {
        if (args.length == 0 || Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"))) {
            return defaults(Command.HELP);
        }
        Command command = Command.of(args[0]).orElseThrow(() -> new UsageException(
                "Unknown command '" + args[0] + "'. Commands: demo, run, bench, help."));
        Builder options = new Builder(command);
        for (int i = 1; i < args.length; i++) {
            options.accept(args[i]);
        }
        return options.build();
    }

    private CliOptions defaults(Command command) {
        return new Builder(command).build();
    }

    private final class Builder {
        private final Command command;
        private int deals;
        private long seed = DEFAULT_SEED;
        private boolean fast;
        private boolean exit;
        private Path dataDir;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private OptionalInt apiPort = OptionalInt.empty();
        private String organization;
        private Optional<String> credentialRef = Optional.empty();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private final Map<String, String> springProperties = new LinkedHashMap<>();

        Builder(Command command) {
            this.command = command;
            String configured = environment.get(DATA_DIR_VARIABLE);
            this.dataDir = configured == null || configured.isBlank() ? DEFAULT_DATA_DIR : Path.of(configured);
            this.organization = command == Command.RUN ? "local" : "demo";
            this.deals = command == Command.BENCH ? DEFAULT_BENCH_DEALS : DEFAULT_DEALS;
        }

        void accept(String arg) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("Unexpected argument '" + arg + "': options look like --name=value");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value = equals < 0 ? null : arg.substring(equals + 1);
            if (PROPERTY_NAME.matcher(name).matches()) {
                springProperties.put(name, requireValue(name, value));
                return;
            }
            if (DEMO_ONLY.contains(name) && command != Command.DEMO
                    && !(command == Command.BENCH && BENCH_TOO.contains(name))) {
                throw new UsageException("--" + name + " applies to 'demo' only");
            }
            switch (name) {
                case "deals" -> deals = intValue(name, value, 1, 5_000_000);
                case "seed" -> seed = longValue(name, value);
                case "fast" -> fast = flag(name, value);
                case "exit" -> exit = flag(name, value);
                case "data-dir" -> dataDir = Path.of(requireValue(name, value));
                case "kafka-port" -> kafkaPort = intValue(name, value, 1, 65_535);
                case "postgres-port" -> postgresPort = intValue(name, value, 1, 65_535);
                case "api-port" -> apiPort = OptionalInt.of(intValue(name, value, 0, 65_535));
                case "org" -> organization = matching(name, value, ORGANIZATION, "1-255 of A-Z a-z 0-9 . _ : -");
                case "credential-ref" -> credentialRef = Optional.of(
                        matching(name, value, CREDENTIAL_REF, "1-100 of A-Z a-z 0-9 _ -"));
                case "batch-size" -> batchSize = intValue(name, value, 1, 100);
                case "rebuild" -> flag(name, value); // the launcher's: it rebuilds the jar before starting it
                default -> throw new UsageException("Unknown option --" + name + " (see hubspot-etl --help)");
            }
        }

        CliOptions build() {
            return new CliOptions(command, deals, seed, fast, exit, dataDir, kafkaPort, postgresPort, apiPort,
                    organization, credentialRef, batchSize, springProperties);
        }
    }

    private static String requireValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new UsageException("--" + name + " needs a value: --" + name + "=...");
        }
        return value;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new UsageException("--" + name + " is a flag: --" + name + " or --" + name + "=false");
    }

    private static int intValue(String name, String value, int min, int max) {
        long parsed = longValue(name, value);
        if (parsed < min || parsed > max) {
            throw new UsageException("--" + name + " must be from " + min + " to " + max + ", was " + value);
        }
        return (int) parsed;
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(requireValue(name, value).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    private static String matching(String name, String value, Pattern pattern, String rule) {
        if (!pattern.matcher(requireValue(name, value)).matches()) {
            throw new UsageException("--" + name + " must be " + rule + ", was '" + value + "'");
        }
        return value;
    }
}
