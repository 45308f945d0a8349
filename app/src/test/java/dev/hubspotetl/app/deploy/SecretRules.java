package dev.hubspotetl.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Secrets stay secret (DESIGN.md §6): passwords, HubSpot tokens and API keys reach the containers from
 * secret files and env files only. None is written into the Compose file, none into a file an image is
 * built from, and .dockerignore keeps every secret file out of the build context.
 */
final class SecretRules {

    // A HubSpot private-app token: pat-<region><n>-<uuid>
    private static final Pattern HUBSPOT_TOKEN = Pattern.compile("pat-[a-z]{2,4}\\d-[0-9a-f]{8}-");
    private static final Pattern SECRET_VARIABLE = Pattern.compile(".*PASSWORD|ETL_HUBSPOT_CREDENTIALS_.+|ETL_API_KEYS_.+");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|PASSWORD|SECRET|API_?KEY|CREDENTIAL).*");
    // Secrets shorter than this would match ordinary words of a Dockerfile.
    private static final int SHORTEST_SECRET = 6;

    private final RepositoryLayout repository;

    SecretRules(RepositoryLayout repository) {
        this.repository = repository;
    }

    List<String> check(ComposeFile compose) {
        List<String> problems = new ArrayList<>(secretsStayOut(compose));
        Map<String, String> secrets = secretLiterals(compose);
        for (Path file : new ImageRules(repository).buildFiles(compose)) {
            problems.addAll(secretsOutOfBuildFiles(repository.relative(file), RepositoryLayout.read(file), secrets));
        }
        problems.addAll(contextExcludesSecrets(compose, RepositoryLayout.read(repository.root().resolve(".dockerignore"))));
        return problems;
    }

    /** Passwords, tokens and API keys come from secret files and env files, never from the Compose file. */
    List<String> secretsStayOut(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            service.environment().forEach((name, value) -> {
                if (SECRET_VARIABLE.matcher(name).matches()) {
                    problems.add("service '" + service.name() + "' has secret " + name
                            + " in the Compose file; give it as a secret or in an env_file");
                }
                if (HUBSPOT_TOKEN.matcher(value).find()) {
                    problems.add("service '" + service.name() + "' has a HubSpot token in " + name);
                }
            });
            service.command().stream().filter(argument -> HUBSPOT_TOKEN.matcher(argument).find())
                    .forEach(argument -> problems.add("service '" + service.name() + "' has a HubSpot token in its command"));
        }
        compose.secretFiles().forEach((name, file) -> {
            if (!Files.isRegularFile(file)) {
                problems.add("secret '" + name + "' reads " + repository.relative(file) + ", which does not exist");
            }
        });
        return problems;
    }

    /** A build file must contain none of the deployment's secrets, no HubSpot token, no secret-named ENV or ARG. */
    List<String> secretsOutOfBuildFiles(String name, String text, Map<String, String> secrets) {
        List<String> problems = new ArrayList<>();
        secrets.forEach((secret, origin) -> {
            if (text.contains(secret)) {
                problems.add(name + " contains the secret of " + origin);
            }
        });
        if (HUBSPOT_TOKEN.matcher(text).find()) {
            problems.add(name + " contains a HubSpot private-app token");
        }
        for (Dockerfile.Instruction instruction : Dockerfile.parse(text).instructions()) {
            if (instruction.keyword().equals("ENV") || instruction.keyword().equals("ARG")) {
                String variable = instruction.arguments().split("[=\\s]", 2)[0];
                if (SECRET_NAME.matcher(variable).matches()) {
                    problems.add(name + " bakes " + instruction.keyword() + " " + variable + " into the image");
                }
            }
        }
        return problems;
    }

    /** Every file the deployment reads secrets from is excluded from the build context by .dockerignore. */
    List<String> contextExcludesSecrets(ComposeFile compose, String dockerignore) {
        List<String> patterns = dockerignore.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> problems = new ArrayList<>();
        for (Path source : secretSources(compose)) {
            if (source.startsWith(repository.root()) && !ignored(repository.root().relativize(source), patterns)) {
                problems.add(repository.relative(source) + " holds secrets but .dockerignore lets it into the build context");
            }
        }
        return problems;
    }

    /** Each secret of the deployment (at least {@value #SHORTEST_SECRET} characters) with where it comes from. */
    Map<String, String> secretLiterals(ComposeFile compose) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Path source : secretSources(compose)) {
            for (Path file : files(source)) {
                String origin = repository.relative(file);
                if (file.getFileName().toString().endsWith(".env")) {
                    ComposeService.envFileVariables(file).forEach((variable, value) -> {
                        if (variable.startsWith("ETL_API_KEYS_")) {
                            String key = variable.substring("ETL_API_KEYS_".length());
                            secrets.put(key, origin);
                            secrets.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), origin);
                        } else if (SECRET_NAME.matcher(variable).matches()) {
                            secrets.put(value, origin);
                        }
                    });
                } else {
                    secrets.put(RepositoryLayout.read(file).strip(), origin);
                }
            }
        }
        secrets.keySet().removeIf(secret -> secret.length() < SHORTEST_SECRET);
        return secrets;
    }

    /** Secret files, env files and host paths mounted under /run/secrets. */
    private List<Path> secretSources(ComposeFile compose) {
        List<Path> sources = new ArrayList<>(compose.secretFiles().values());
        for (ComposeService service : compose.services().values()) {
            sources.addAll(service.envFiles());
            service.bindMounts().stream().filter(mount -> mount.target().startsWith("/run/secrets"))
                    .forEach(mount -> sources.add(mount.source()));
        }
        return sources;
    }

    private static List<Path> files(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + source, e);
        }
    }

    /** Docker's rule: the last pattern matching the path or one of its parent directories decides; ! re-includes. */
    static boolean ignored(Path relative, List<String> patterns) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean include = pattern.startsWith("!");
            String glob = (include ? pattern.substring(1) : pattern).replaceAll("^/+|/+$", "");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (Path prefix = relative; prefix != null; prefix = prefix.getParent()) {
                if (matcher.matches(prefix) || (glob.startsWith("**/") && prefix.getNameCount() == 1
                        && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(prefix))) {
                    ignored = !include;
                    break;
                }
            }
        }
        return ignored;
    }
}
