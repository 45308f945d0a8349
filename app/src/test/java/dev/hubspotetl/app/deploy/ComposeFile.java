package dev.hubspotetl.app.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Compose file as Compose reads it: YAML merge keys resolved, every {@code ${NAME:-default}} read as
 * its default (the deployment with nothing set in the shell), relative paths against the file's directory.
 *
 * @param root      the top-level mapping
 * @param directory the directory relative paths start from
 */
record ComposeFile(Map<String, Object> root, Path directory) {

    static ComposeFile load(Path file) {
        return parse(RepositoryLayout.read(file), file.toAbsolutePath().getParent());
    }

    static ComposeFile parse(String yaml, Path directory) {
        Object document = Yamls.parser().load(yaml);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("Not a Compose file: the document is not a mapping");
        }
        return new ComposeFile(Yamls.map(document), directory.toAbsolutePath().normalize());
    }

    Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Yamls.map(root.get("services")).forEach((name, definition) ->
                services.put(name, new ComposeService(name, Yamls.map(definition), directory)));
        return services;
    }

    Optional<ComposeService> service(String name) {
        return Optional.ofNullable(services().get(name));
    }

    /** The first service whose image starts with the prefix, e.g. {@code apache/kafka:}. */
    Optional<ComposeService> serviceWithImage(String prefix) {
        return services().values().stream().filter(service -> service.image().startsWith(prefix)).findFirst();
    }

    /** Top-level secrets read from a file: name to path. */
    Map<String, Path> secretFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        Yamls.map(root.get("secrets")).forEach((name, definition) -> {
            String file = Yamls.withDefaults(Yamls.text(Yamls.map(definition).get("file")));
            if (!file.isEmpty()) {
                files.put(name, resolve(file));
            }
        });
        return files;
    }

    Path resolve(String path) {
        return directory.resolve(path).normalize();
    }
}
