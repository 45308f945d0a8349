package dev.hubspotetl.simulator.cli;

import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.SimulatorConfig;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The command line: {@code --name=value} flags, each with its default and help text in one table. */
final class CliOptions {

    private record Flag(String name, String defaultValue, String help, BiConsumer<SimulatorConfig.Builder, String> apply) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("port", "8089", "TCP port (0 picks a free one)", (b, v) -> b.port(Integer.parseInt(v))),
            new Flag("bind", "0.0.0.0", "address to listen on", SimulatorConfig.Builder::bindAddress),
            new Flag("deals", "10000", "deals in the portal, archived ones included", (b, v) -> b.deals(Integer.parseInt(v))),
            new Flag("seed", "42", "seed of the data, the faults and the mutations", (b, v) -> b.seed(Long.parseLong(v))),
            new Flag("token", "demo-token", "the bearer token accepted", SimulatorConfig.Builder::token),
            new Flag("rate-limit", "100/10s", "calls per rolling window, e.g. 150/10s; 0 turns every limit off",
                    CliOptions::rateLimit),
            new Flag("search-rate-limit", "5", "search calls per second; 0 = off",
                    (b, v) -> b.searchRateLimitPerSecond(Integer.parseInt(v))),
            new Flag("fault-rate", "0.0", "share of calls that fail, 0.0-1.0", (b, v) -> b.faultRate(Double.parseDouble(v))),
            new Flag("fault-kinds", "500,502,503,504,slow,disconnect,malformed", "faults to draw from",
                    (b, v) -> b.faultKinds(faultKinds(v))),
            new Flag("slow-delay", "2s", "delay of a slow answer (500ms, 2s, PT2S)", (b, v) -> b.slowAnswerDelay(duration(v))),
            new Flag("archived-share", "0.05", "share of archived deals", (b, v) -> b.archivedShare(Double.parseDouble(v))),
            new Flag("shared-modification-deals", "0", "deals sharing one hs_lastmodifieddate (month-end bulk update)",
                    (b, v) -> b.sharedModificationInstantDeals(Integer.parseInt(v))),
            new Flag("mutate-between-pages", "false", "edit, create and archive a deal after every page served",
                    (b, v) -> b.mutateBetweenPages(Boolean.parseBoolean(v))),
            new Flag("max-url-length", Integer.toString(SimulatorConfig.HUBSPOT_MAX_URL_LENGTH),
                    "longest path and query accepted before 414", (b, v) -> b.maxUrlLength(Integer.parseInt(v))),
            new Flag("max-search-body", Integer.toString(SimulatorConfig.HUBSPOT_MAX_SEARCH_BODY_CHARS),
                    "longest search body accepted before 400; 0 = unlimited",
                    (b, v) -> b.maxSearchBodyChars(Integer.parseInt(v))),
            new Flag("threads", "16", "worker threads", (b, v) -> b.threads(Integer.parseInt(v))));

    private CliOptions() {
    }

    /** The configuration the arguments describe; flags not given take the defaults listed by {@link #help()}. */
    static SimulatorConfig parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "', flags look like --name=value");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            given.put(name, equals < 0 ? "true" : arg.substring(equals + 1));
        }
        // "--rate-limit=0 disables limits": all of them, unless a search limit is asked for explicitly.
        if ("0".equals(given.get("rate-limit"))) {
            given.putIfAbsent("search-rate-limit", "0");
        }
        SimulatorConfig.Builder builder = SimulatorConfig.builder();
        for (Flag flag : FLAGS) {
            String value = given.remove(flag.name());
            try {
                flag.apply().accept(builder, value == null ? flag.defaultValue() : value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--" + flag.name() + ": " + e.getMessage(), e);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown flag(s): " + given.keySet() + "; see --help");
        }
        return builder.build();
    }

    static String help() {
        StringBuilder text = new StringBuilder("""
                HubSpot CRM v3 deals API simulator.
                Usage: java -jar hubspot-simulator.jar [--name=value ...]

                """);
        for (Flag flag : FLAGS) {
            text.append(String.format(Locale.ROOT, "  --%-28s %s (default: %s)%n",
                    flag.name() + "=", flag.help(), flag.defaultValue()));
        }
        return text.append(String.format(Locale.ROOT, "  --%-28s %s%n", "help", "print this help")).toString();
    }

    static void rateLimit(SimulatorConfig.Builder builder, String value) {
        if (value.trim().equals("0")) {
            builder.noRateLimits();
            return;
        }
        String[] parts = value.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected <requests>/<window> such as 100/10s, or 0");
        }
        builder.rateLimit(Integer.parseInt(parts[0].trim()), duration(parts[1]));
    }

    static Duration duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt")) {
            return Duration.parse(text);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 1m or PT10S");
        };
    }

    private static EnumSet<FaultKind> faultKinds(String value) {
        return Arrays.stream(value.split(","))
                .filter(kind -> !kind.isBlank())
                .map(FaultKind::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FaultKind.class)));
    }
}
