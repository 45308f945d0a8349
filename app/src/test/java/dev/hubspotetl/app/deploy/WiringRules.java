package dev.hubspotetl.app.deploy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the services fit together: every deployable module runs, Kafka is a single KRaft node that can run
 * transactions, and every application reaches the same broker, database and topics.
 */
final class WiringRules {

    /** The one-process local mode: it embeds everything and is not a deployment unit. */
    static final String LOCAL_MODE_MODULE = "app";

    /** What exactly-once (transactions, Kafka Streams exactly_once_v2) needs on a one-broker cluster. */
    static final Map<String, String> SINGLE_BROKER_SETTINGS = Map.of(
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");

    private final RepositoryLayout repository;

    WiringRules(RepositoryLayout repository) {
        this.repository = repository;
    }

    List<String> check(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        problems.addAll(deployed(compose));
        problems.addAll(kafka(compose));
        problems.addAll(database(compose));
        problems.addAll(sharedSettings(compose));
        return problems;
    }

    /** Every module with a runnable jar (the local mode aside) is built by exactly one service. */
    List<String> deployed(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String module : repository.modules()) {
            if (module.equals(LOCAL_MODE_MODULE) || repository.runnableJar(module).isEmpty()) {
                continue;
            }
            List<String> builders = compose.services().values().stream()
                    .filter(service -> service.isBuilt() && ServiceRules.module(service).equals(module))
                    .map(ComposeService::name).toList();
            if (builders.size() != 1) {
                problems.add("module " + module + " has a runnable jar and must be built by one service, not " + builders);
            }
        }
        return problems;
    }

    List<String> kafka(ComposeFile compose) {
        Optional<ComposeService> found = compose.serviceWithImage("apache/kafka:");
        if (found.isEmpty()) {
            return List.of("no Kafka service (image apache/kafka:*)");
        }
        ComposeService kafka = found.get();
        Map<String, String> env = kafka.environment();
        List<String> problems = new ArrayList<>();
        Set<String> roles = Set.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split("\\s*,\\s*"));
        if (!roles.containsAll(Set.of("broker", "controller"))) {
            problems.add("Kafka must be one KRaft node with KAFKA_PROCESS_ROLES=broker,controller, not " + roles);
        }
        SINGLE_BROKER_SETTINGS.forEach((name, value) -> {
            if (!value.equals(env.get(name))) {
                problems.add("Kafka needs " + name + "=" + value + " for exactly-once on one broker, has "
                        + env.getOrDefault(name, "nothing"));
            }
        });
        if (!isKafkaUuid(env.getOrDefault("CLUSTER_ID", ""))) {
            problems.add("Kafka's CLUSTER_ID '" + env.getOrDefault("CLUSTER_ID", "") + "' is not a base64 UUID"
                    + " (kafka-storage.sh random-uuid); the volume could not be formatted");
        }
        String logDirs = env.getOrDefault("KAFKA_LOG_DIRS", "");
        if (logDirs.isEmpty() || Yamls.list(kafka.definition().get("volumes")).stream()
                .noneMatch(volume -> String.valueOf(volume).endsWith(":" + logDirs))) {
            problems.add("Kafka keeps its log in no volume (KAFKA_LOG_DIRS '" + logDirs + "')");
        }
        if (kafka.healthcheckTest().isEmpty()) {
            problems.add("service '" + kafka.name() + "' has no healthcheck");
        }
        Set<String> advertised = new TreeSet<>();
        for (String listener : env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(",")) {
            advertised.add(listener.replaceFirst("^[A-Za-z_]+://", "").strip());
        }
        for (ComposeService service : compose.services().values()) {
            String bootstrap = service.environment().get("SPRING_KAFKA_BOOTSTRAPSERVERS");
            if (bootstrap == null && !service.isBuilt()) {
                continue;
            }
            if (bootstrap == null) {
                if (repository.isModule(ServiceRules.module(service))
                        && repository.isSpringBootApplication(ServiceRules.module(service))) {
                    problems.add("service '" + service.name() + "' is not told where Kafka is (SPRING_KAFKA_BOOTSTRAPSERVERS)");
                }
            } else if (!advertised.containsAll(List.of(bootstrap.split("\\s*,\\s*")))) {
                problems.add("service '" + service.name() + "' bootstraps from " + bootstrap
                        + ", which Kafka does not advertise " + advertised);
            }
        }
        return problems;
    }

    List<String> database(ComposeFile compose) {
        Optional<ComposeService> found = compose.serviceWithImage("postgres:");
        if (found.isEmpty()) {
            return List.of("no PostgreSQL service (image postgres:*)");
        }
        ComposeService postgres = found.get();
        Map<String, String> env = postgres.environment();
        List<String> problems = new ArrayList<>();
        if (postgres.healthcheckTest().isEmpty()) {
            problems.add("service '" + postgres.name() + "' has no healthcheck");
        }
        String url = "jdbc:postgresql://" + postgres.name() + ":5432/" + env.getOrDefault("POSTGRES_DB", "");
        String passwordFile = env.getOrDefault("POSTGRES_PASSWORD_FILE", "");
        Optional<String> passwordSecret = postgres.secrets().stream()
                .filter(secret -> passwordFile.equals("/run/secrets/" + secret.target()) || passwordFile.equals(secret.target()))
                .map(ComposeService.SecretMount::source).findFirst();
        if (passwordSecret.isEmpty()) {
            problems.add("PostgreSQL does not read its password from a secret (POSTGRES_PASSWORD_FILE)");
        }
        for (ComposeService service : compose.services().values()) {
            Map<String, String> client = service.environment();
            if (!client.containsKey("SPRING_DATASOURCE_URL")) {
                continue;
            }
            String actual = client.get("SPRING_DATASOURCE_URL");
            if (!actual.equals(url) && !actual.startsWith(url + "?")) {
                problems.add("service '" + service.name() + "' connects to " + actual + ", not PostgreSQL's " + url);
            }
            if (!client.getOrDefault("SPRING_DATASOURCE_USERNAME", "").equals(env.get("POSTGRES_USER"))) {
                problems.add("service '" + service.name() + "' logs in as '" + client.get("SPRING_DATASOURCE_USERNAME")
                        + "', PostgreSQL's user is '" + env.get("POSTGRES_USER") + "'");
            }
            boolean passwordFromSecret = client.getOrDefault("SPRING_CONFIG_IMPORT", "").contains("configtree:/run/secrets/")
                    && service.secrets().stream().anyMatch(secret -> passwordSecret.map(secret.source()::equals).orElse(false)
                            && secret.target().equals("spring.datasource.password"));
            if (!passwordFromSecret) {
                problems.add("service '" + service.name() + "' does not read PostgreSQL's password secret as"
                        + " spring.datasource.password (configtree:/run/secrets/)");
            }
        }
        return problems;
    }

    /** Topic names and partition counts agree wherever they are set: one pipeline, one set of topics. */
    List<String> sharedSettings(ComposeFile compose) {
        Map<String, Map<String, String>> valuesByVariable = new TreeMap<>();
        compose.services().values().forEach(service -> service.environment().forEach((name, value) -> {
            if (name.startsWith("ETL_TOPICS_") || name.startsWith("ETL_TOPICDEFAULTS_")) {
                valuesByVariable.computeIfAbsent(name, n -> new TreeMap<>()).put(service.name(), value);
            }
        }));
        List<String> problems = new ArrayList<>();
        valuesByVariable.forEach((name, byService) -> {
            if (Set.copyOf(byService.values()).size() > 1) {
                problems.add(name + " differs between services: " + byService);
            }
        });
        return problems;
    }

    static boolean isKafkaUuid(String id) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(id);
            // Kafka's Uuid.fromString decodes leniently: only a canonical encoding survives the round trip.
            return bytes.length == 16 && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
