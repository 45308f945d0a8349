package dev.hubspotetl.app.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The image build: a JDK stage runs the Maven build of every module a service is built from, a JRE stage
 * gets the module's runnable jar, installs the healthcheck probe and runs the jar as a non-root user.
 */
final class ImageRules {

    static final String RUNNABLE_JAR = "/app/app.jar";
    static final String ENTRYPOINT = "[\"java\", \"-jar\", \"" + RUNNABLE_JAR + "\"]";

    private static final Pattern REACTOR_SELECTION = Pattern.compile("(?:--projects|-pl)[ =]([\\w.,:-]+)");

    private final RepositoryLayout repository;

    ImageRules(RepositoryLayout repository) {
        this.repository = repository;
    }

    List<String> check(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        boolean probed = compose.services().values().stream().filter(ComposeService::isBuilt)
                .anyMatch(service -> service.healthcheckTest().contains(ServiceRules.HEALTHCHECK_PROBE));
        dockerfiles(compose).forEach((file, modules) -> {
            if (Files.isRegularFile(file)) { // ServiceRules.build reports a missing one
                Dockerfile dockerfile = Dockerfile.parse(RepositoryLayout.read(file));
                problems.addAll(stages(repository.relative(file), dockerfile, modules, probed));
            }
        });
        return problems;
    }

    /** The files images are built from: each Dockerfile and every file it copies from the build context. */
    List<Path> buildFiles(ComposeFile compose) {
        List<Path> files = new ArrayList<>();
        for (Path file : dockerfiles(compose).keySet()) {
            if (Files.isRegularFile(file)) {
                files.add(file);
                files.addAll(copiedFromContext(Dockerfile.parse(RepositoryLayout.read(file))));
            }
        }
        return files;
    }

    /** Each Dockerfile the services build with, and the modules built with it. */
    private Map<Path, Set<String>> dockerfiles(ComposeFile compose) {
        Map<Path, Set<String>> modulesByDockerfile = new LinkedHashMap<>();
        for (ComposeService service : compose.services().values()) {
            if (service.isBuilt()) {
                Path file = compose.resolve(service.buildContext()).resolve(service.dockerfile()).normalize();
                modulesByDockerfile.computeIfAbsent(file, f -> new TreeSet<>()).add(ServiceRules.module(service));
            }
        }
        return modulesByDockerfile;
    }

    List<String> stages(String name, Dockerfile dockerfile, Set<String> modules, boolean probed) {
        List<Dockerfile.Stage> stages = dockerfile.stages();
        if (stages.size() < 2) {
            return List.of(name + " must build in a JDK stage and run in a JRE stage, has " + stages.size() + " stage(s)");
        }
        List<String> problems = new ArrayList<>();
        Dockerfile.Stage build = stages.get(0);
        int runtime = dockerfile.lastStage();
        if (!build.image().startsWith("eclipse-temurin:17-jdk")) {
            problems.add(name + " builds on " + build.image() + ", not eclipse-temurin:17-jdk");
        }
        if (!stages.get(runtime).image().startsWith("eclipse-temurin:17-jre")) {
            problems.add(name + " runs on " + stages.get(runtime).image() + ", not eclipse-temurin:17-jre");
        }
        String maven = dockerfile.in(build.index(), "RUN").stream().map(Dockerfile.Instruction::arguments)
                .filter(run -> run.contains("mvnw")).findFirst().orElse("");
        if (!maven.contains("-DskipTests")) {
            problems.add(name + " does not build the jars with ./mvnw -DskipTests");
        }
        Matcher selection = REACTOR_SELECTION.matcher(maven);
        if (selection.find()) {
            List<String> selected = List.of(selection.group(1).split(","));
            modules.stream().filter(module -> !selected.contains(module)).forEach(module ->
                    problems.add(name + " builds only " + selected + ", not module " + module));
        }
        Map<String, String> args = dockerfile.args(runtime);
        String stageReference = build.name().orElse("0");
        String expectedCopy = "--from=" + stageReference + " /src/${MODULE}/target/${JAR}.jar " + RUNNABLE_JAR;
        if (!args.containsKey("MODULE") || !"${MODULE}".equals(args.get("JAR"))
                || dockerfile.in(runtime, "COPY").stream().noneMatch(copy -> copy.arguments().equals(expectedCopy))) {
            problems.add(name + " must take ARG MODULE and ARG JAR=${MODULE} and COPY " + expectedCopy);
        }
        List<Dockerfile.Instruction> users = dockerfile.in(runtime, "USER");
        String user = users.isEmpty() ? "root" : users.get(users.size() - 1).arguments().split(":")[0];
        if (user.equals("root") || user.equals("0")) {
            problems.add(name + " runs the application as root");
        }
        List<String> entrypoints = dockerfile.in(runtime, "ENTRYPOINT").stream()
                .map(e -> e.arguments().replaceAll("\\s+", " ").replace("[ ", "[").replace(" ]", "]")).toList();
        if (!entrypoints.equals(List.of(ENTRYPOINT))) {
            problems.add(name + " must have ENTRYPOINT " + ENTRYPOINT + ", has " + entrypoints);
        }
        if (dockerfile.in(runtime, "ENV").stream().noneMatch(env -> env.arguments().startsWith("JAVA_TOOL_OPTIONS="))) {
            problems.add(name + " sets no JVM flags through JAVA_TOOL_OPTIONS");
        }
        if (probed && dockerfile.in(runtime, "COPY").stream().noneMatch(copy ->
                copy.arguments().endsWith(" " + ServiceRules.HEALTHCHECK_PROBE))) {
            problems.add(name + " does not install " + ServiceRules.HEALTHCHECK_PROBE + ", which the healthchecks run");
        }
        return problems;
    }

    private List<Path> copiedFromContext(Dockerfile dockerfile) {
        List<Path> copied = new ArrayList<>();
        for (Dockerfile.Instruction copy : dockerfile.instructions()) {
            if ((copy.keyword().equals("COPY") || copy.keyword().equals("ADD")) && !copy.arguments().contains("--from=")) {
                List<String> words = Stream.of(copy.arguments().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
                for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
                    Path path = repository.root().resolve(source).normalize();
                    if (!source.equals(".") && Files.isRegularFile(path)) {
                        copied.add(path);
                    }
                }
            }
        }
        return copied;
    }
}
