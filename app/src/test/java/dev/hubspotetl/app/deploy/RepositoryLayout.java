package dev.hubspotetl.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository the deployment files describe: its root holds docker-compose.yml and the parent pom.
 * Found from {@code -Detl.repo.root} or by walking up from the working directory (the app module when
 * Maven runs the test).
 */
record RepositoryLayout(Path root) {

    static final String COMPOSE_FILE = "docker-compose.yml";

    private static final Pattern RUNNABLE_JAR = Pattern.compile("<etl.runnable-jar>\\s*([^<\\s]+)\\s*</etl.runnable-jar>");
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    static RepositoryLayout locate() {
        String configured = System.getProperty("etl.repo.root");
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(COMPOSE_FILE))) {
                throw new IllegalStateException("-Detl.repo.root=" + configured + " holds no " + COMPOSE_FILE);
            }
            return new RepositoryLayout(root);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE_FILE)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("No " + COMPOSE_FILE + " beside a pom.xml in " + start
                + " or any parent; name the repository with -Detl.repo.root=<dir>");
    }

    Path composeFile() {
        return root.resolve(COMPOSE_FILE);
    }

    Path module(String name) {
        return root.resolve(name);
    }

    boolean isModule(String name) {
        return !name.isBlank() && Files.isRegularFile(module(name).resolve("pom.xml"));
    }

    /** The reactor's modules, in the parent pom's order. */
    List<String> modules() {
        return MODULE.matcher(read(root.resolve("pom.xml"))).results().map(m -> m.group(1)).toList();
    }

    /** The name of the module's runnable jar, {@code target/<name>.jar}: its {@code etl.runnable-jar} property. */
    Optional<String> runnableJar(String module) {
        Matcher matcher = RUNNABLE_JAR.matcher(read(module(module).resolve("pom.xml")));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the module's main code is a Spring Boot application (configured by properties, not flags). */
    boolean isSpringBootApplication(String module) {
        return mainSources(module).anyMatch(text -> text.contains("@SpringBootApplication"));
    }

    /** Whether the module's main code names an identifier, e.g. the record component that binds a property. */
    boolean mainSourceMentions(String module, String identifier) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(identifier) + "\\b");
        return mainSources(module).anyMatch(text -> word.matcher(text).find());
    }

    Optional<Path> applicationYml(String module) {
        Path yml = module(module).resolve("src/main/resources/application.yml");
        return Files.isRegularFile(yml) ? Optional.of(yml) : Optional.empty();
    }

    /** Whether the module ships Flyway migrations, i.e. owns the database schema. */
    boolean ownsMigrations(String module) {
        return Files.isDirectory(module(module).resolve("src/main/resources/db/migration"));
    }

    String relative(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(root) ? root.relativize(normalized).toString() : normalized.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private Stream<String> mainSources(String module) {
        Path sources = module(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(RepositoryLayout::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sources, e);
        }
    }
}
