package dev.hubspotetl.app.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The properties one application binds, by the environment variable that sets each: its application.yml
 * flattened, the Spring Boot properties the deployment uses, and map-valued prefixes under which any key
 * binds. The variable of a property is Spring's canonical form: upper case, {@code .} to {@code _},
 * {@code -} removed ({@code etl.hubspot.rate-limit.requests} is {@code ETL_HUBSPOT_RATELIMIT_REQUESTS});
 * a map key follows its prefix ({@code ETL_API_KEYS_<KEY>}).
 */
final class BoundProperties {

    /** Read by the JVM itself, in every container. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /** Spring Boot's own properties this deployment sets, bound by every application without a line in its yml. */
    private static final List<String> SPRING_BOOT = List.of("spring.kafka.bootstrap-servers", "server.port",
            "spring.config.import");

    /** Spring Boot groups any of whose properties (or map keys) may be set. */
    private static final List<String> SPRING_BOOT_GROUPS = List.of("management", "logging");

    /**
     * Bound by an application's {@code @ConfigurationProperties} record although application.yml gives no
     * default: a map (any key binds) or an optional value. Each names the record component binding it, and
     * {@link #of} fails when the module's source no longer has that component, so this table cannot go stale.
     */
    private record Undefaulted(String module, String property, boolean map, String component) {
    }

    private static final List<Undefaulted> UNDEFAULTED = List.of(
            new Undefaulted("extractor", "etl.hubspot.credentials", true, "credentials"),
            new Undefaulted("extractor", "etl.hubspot.credentials-dir", false, "credentialsDir"),
            new Undefaulted("api", "etl.api.keys", true, "keys"));

    private final String module;
    private final Map<String, String> propertyByVariable;
    private final Map<String, String> groupByVariablePrefix;

    private BoundProperties(String module, Map<String, String> propertyByVariable,
                            Map<String, String> groupByVariablePrefix) {
        this.module = module;
        this.propertyByVariable = propertyByVariable;
        this.groupByVariablePrefix = groupByVariablePrefix;
    }

    static BoundProperties of(RepositoryLayout repository, String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        if (repository.isSpringBootApplication(module)) {
            Path yml = repository.applicationYml(module).orElseThrow(() -> new IllegalStateException(
                    "Spring Boot application " + module + " has no src/main/resources/application.yml"));
            Set<String> names = new TreeSet<>(SPRING_BOOT);
            for (Object document : Yamls.parser().loadAll(RepositoryLayout.read(yml))) {
                flatten(document, "", names);
            }
            names.forEach(name -> properties.put(environmentName(name), name));
            SPRING_BOOT_GROUPS.forEach(group -> groups.put(environmentName(group) + "_", group + ".*"));
            for (Undefaulted extra : UNDEFAULTED) {
                if (!extra.module().equals(module)) {
                    continue;
                }
                if (!repository.mainSourceMentions(module, extra.component())) {
                    throw new IllegalStateException("BoundProperties is stale: " + module + " no longer binds "
                            + extra.property() + " (no '" + extra.component() + "' in its main sources)");
                }
                if (extra.map()) {
                    groups.put(environmentName(extra.property()) + "_", extra.property() + ".<key>");
                } else {
                    properties.put(environmentName(extra.property()), extra.property());
                }
            }
        }
        return new BoundProperties(module, properties, groups);
    }

    /** The environment variable Spring reads for a property, in its canonical form. */
    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The property (or property group) a variable sets in this application; empty when it sets none. */
    Optional<String> propertyOf(String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return Optional.of("the JVM's " + variable);
        }
        String property = propertyByVariable.get(variable);
        if (property != null) {
            return Optional.of(property);
        }
        return groupByVariablePrefix.entrySet().stream()
                .filter(group -> variable.startsWith(group.getKey()) && variable.length() > group.getKey().length())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * The canonical variable of a property spelled like this one but for underscores: Spring's legacy form
     * ({@code ETL_HUBSPOT_BASE_URL}) still binds, but DESIGN.md §7 names the canonical one.
     */
    Optional<String> canonicalSpelling(String variable) {
        String letters = variable.replace("_", "");
        return propertyByVariable.keySet().stream().filter(known -> known.replace("_", "").equals(letters)).findFirst();
    }

    String module() {
        return module;
    }

    int size() {
        return propertyByVariable.size();
    }

    private static void flatten(Object node, String prefix, Set<String> into) {
        if (!(node instanceof Map<?, ?>)) {
            if (!prefix.isEmpty()) {
                into.add(prefix);
            }
            return;
        }
        Yamls.map(node).forEach((key, value) -> flatten(value, prefix.isEmpty() ? key : prefix + "." + key, into));
    }
}
