package dev.hubspotetl.app.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a Compose file, its values read with their defaults ({@link Yamls#withDefaults}).
 *
 * @param name       the service name
 * @param definition its mapping, merge keys resolved
 * @param directory  the Compose file's directory, which relative paths start from
 */
record ComposeService(String name, Map<String, Object> definition, Path directory) {

    /** A secret given to the service: the top-level secret's name and the file name or path it gets. */
    record SecretMount(String source, String target) {
    }

    /** A host path mounted into the service. */
    record BindMount(Path source, String target) {
    }

    boolean isBuilt() {
        return definition.containsKey("build");
    }

    String image() {
        return Yamls.withDefaults(Yamls.text(definition.get("image")));
    }

    String buildContext() {
        Object build = definition.get("build");
        return build instanceof Map<?, ?> ? text(Yamls.map(build).get("context")) : text(build);
    }

    String dockerfile() {
        String dockerfile = text(Yamls.map(definition.get("build")).get("dockerfile"));
        return dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
    }

    Map<String, String> buildArgs() {
        return keyValues(Yamls.map(definition.get("build")).get("args"));
    }

    /** The {@code environment} entries, map or list form; a bare {@code NAME} gets the empty string. */
    Map<String, String> environment() {
        return keyValues(definition.get("environment"));
    }

    /** The {@code env_file} files, short or long form. */
    List<Path> envFiles() {
        List<Path> files = new ArrayList<>();
        for (Object entry : Yamls.list(definition.get("env_file"))) {
            Object path = entry instanceof Map<?, ?> ? Yamls.map(entry).get("path") : entry;
            files.add(directory.resolve(text(path)).normalize());
        }
        return files;
    }

    /** The variables of one env file ({@code NAME=value} lines; blank lines and # comments skipped). */
    static Map<String, String> envFileVariables(Path file) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : RepositoryLayout.read(file).split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            entry = entry.startsWith("export ") ? entry.substring(7).strip() : entry;
            int equals = entry.indexOf('=');
            variables.put(equals < 0 ? entry : entry.substring(0, equals).strip(),
                    equals < 0 ? "" : entry.substring(equals + 1).strip());
        }
        return variables;
    }

    Optional<String> containerName() {
        return Optional.ofNullable(definition.get("container_name")).map(Yamls::text);
    }

    /** Published ports, short syntax as written, long syntax as {@code published:target}. */
    List<String> ports() {
        return Yamls.list(definition.get("ports")).stream()
                .map(port -> port instanceof Map<?, ?> ? text(Yamls.map(port).get("published")) + ":"
                        + text(Yamls.map(port).get("target")) : text(port))
                .toList();
    }

    /** The healthcheck command, {@code ["CMD", ...]} or {@code ["CMD-SHELL", "..."]}; empty when none or disabled. */
    List<String> healthcheckTest() {
        Map<String, Object> healthcheck = Yamls.map(definition.get("healthcheck"));
        if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return List.of();
        }
        Object test = healthcheck.get("test");
        List<String> command = test instanceof String shell ? List.of("CMD-SHELL", shell)
                : Yamls.list(test).stream().map(ComposeService::text).toList();
        return command.isEmpty() || command.get(0).equals("NONE") ? List.of() : command;
    }

    /** Services this one waits for, with the condition: the list form means {@code service_started}. */
    Map<String, String> dependsOn() {
        Object dependsOn = definition.get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?>) {
            Yamls.map(dependsOn).forEach((service, spec) -> {
                String condition = text(Yamls.map(spec).get("condition"));
                conditions.put(service, condition.isEmpty() ? "service_started" : condition);
            });
        } else {
            Yamls.list(dependsOn).forEach(service -> conditions.put(text(service), "service_started"));
        }
        return conditions;
    }

    List<String> command() {
        return Yamls.list(definition.get("command")).stream().map(ComposeService::text).toList();
    }

    List<SecretMount> secrets() {
        return Yamls.list(definition.get("secrets")).stream().map(secret -> {
            if (secret instanceof Map<?, ?>) {
                Map<String, Object> mount = Yamls.map(secret);
                String source = text(mount.get("source"));
                String target = text(mount.get("target"));
                return new SecretMount(source, target.isEmpty() ? source : target);
            }
            return new SecretMount(text(secret), text(secret));
        }).toList();
    }

    /** Host paths bind-mounted into the service (short syntax {@code ./dir:/path[:ro]} or long syntax). */
    List<BindMount> bindMounts() {
        List<BindMount> mounts = new ArrayList<>();
        for (Object volume : Yamls.list(definition.get("volumes"))) {
            String source;
            String target;
            if (volume instanceof Map<?, ?>) {
                source = text(Yamls.map(volume).get("source"));
                target = text(Yamls.map(volume).get("target"));
            } else {
                String[] parts = text(volume).split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : "";
            }
            if (source.startsWith(".") || source.startsWith("/")) {
                mounts.add(new BindMount(directory.resolve(source).normalize(), target));
            }
        }
        return mounts;
    }

    private static Map<String, String> keyValues(Object node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof Map<?, ?>) {
            Yamls.map(node).forEach((key, value) -> values.put(key, text(value)));
        } else {
            for (Object entry : Yamls.list(node)) {
                String pair = String.valueOf(entry);
                int equals = pair.indexOf('=');
                values.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : text(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String text(Object node) {
        return Yamls.withDefaults(Yamls.text(node));
    }
}
