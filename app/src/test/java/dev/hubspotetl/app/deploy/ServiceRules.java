package dev.hubspotetl.app.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every service built from this repository must satisfy: it is built from a module's runnable jar,
 * each of its environment variables binds a property of that application, it has a healthcheck and waits
 * for healthy dependencies, and nothing in it stops {@code docker compose up --scale <service>=N}.
 * Every problem is one sentence that names the service.
 */
final class ServiceRules {

    /** The only services that publish a host port: the API, and the simulator for curiosity. */
    static final Set<String> PUBLISHING_SERVICES = Set.of("api", "simulator");

    static final String BUILD_ARG_MODULE = "MODULE";
    static final String BUILD_ARG_JAR = "JAR";
    static final String HEALTHCHECK_PROBE = "/app/healthcheck";

    private final RepositoryLayout repository;

    ServiceRules(RepositoryLayout repository) {
        this.repository = repository;
    }

    List<String> check(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            problems.addAll(publishing(service));
            if (service.isBuilt()) {
                problems.addAll(build(compose, service));
                problems.addAll(environment(service));
                problems.addAll(healthcheck(service));
                problems.addAll(dependencies(compose, service));
            }
        }
        return problems;
    }

    /** The module a service's image is built from: its MODULE build argument. */
    static String module(ComposeService service) {
        return service.buildArgs().getOrDefault(BUILD_ARG_MODULE, "");
    }

    List<String> build(ComposeFile compose, ComposeService service) {
        List<String> problems = new ArrayList<>();
        Path context = compose.resolve(service.buildContext());
        if (!context.equals(repository.root())) {
            problems.add(problem(service, "builds from context '" + service.buildContext()
                    + "'; the Dockerfile needs the repository root"));
        }
        if (!Files.isRegularFile(context.resolve(service.dockerfile()))) {
            problems.add(problem(service, "names Dockerfile " + service.dockerfile() + ", which does not exist"));
        }
        String module = module(service);
        if (!repository.isModule(module)) {
            problems.add(problem(service, "has build argument " + BUILD_ARG_MODULE + "='" + module
                    + "', which is no module of this repository"));
            return problems;
        }
        String jar = service.buildArgs().getOrDefault(BUILD_ARG_JAR, module);
        Optional<String> runnable = repository.runnableJar(module);
        if (runnable.isEmpty()) {
            problems.add(problem(service, "is built from module " + module + ", which has no runnable jar"));
        } else if (!runnable.get().equals(jar)) {
            problems.add(problem(service, "copies " + module + "/target/" + jar + ".jar, but the module's runnable jar is "
                    + module + "/target/" + runnable.get() + ".jar"));
        }
        return problems;
    }

    List<String> environment(ComposeService service) {
        String module = module(service);
        if (!repository.isModule(module)) {
            return List.of();
        }
        BoundProperties bound = BoundProperties.of(repository, module);
        boolean spring = repository.isSpringBootApplication(module);
        List<String> problems = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        service.environment().keySet().forEach(name -> variables.put(name, ""));
        for (Path file : service.envFiles()) {
            if (!Files.isRegularFile(file)) {
                problems.add(problem(service, "reads env_file " + repository.relative(file) + ", which does not exist"));
                continue;
            }
            ComposeService.envFileVariables(file).keySet()
                    .forEach(name -> variables.put(name, " (env_file " + repository.relative(file) + ")"));
        }
        variables.forEach((variable, origin) -> {
            if (bound.propertyOf(variable).isEmpty()) {
                String hint = spring
                        ? bound.canonicalSpelling(variable).map(known -> "; Spring's canonical name is " + known).orElse("")
                        : "; " + module + " is configured by command-line flags";
                problems.add(problem(service, "environment variable " + variable + origin + " binds no property of "
                        + module + hint));
            }
        });
        return problems;
    }

    List<String> healthcheck(ComposeService service) {
        List<String> test = service.healthcheckTest();
        if (test.isEmpty()) {
            return List.of(problem(service, "has no healthcheck"));
        }
        if (test.size() < 3 || !test.get(1).equals(HEALTHCHECK_PROBE)) {
            return List.of();
        }
        String port = test.get(2);
        String served = repository.isSpringBootApplication(module(service))
                ? service.environment().getOrDefault("SERVER_PORT", "(SERVER_PORT not set)")
                : service.command().stream().filter(flag -> flag.startsWith("--port=")).map(flag -> flag.substring(7))
                        .findFirst().orElse("(no --port flag)");
        return port.equals(served) ? List.of()
                : List.of(problem(service, "probes port " + port + " but serves on " + served));
    }

    List<String> dependencies(ComposeFile compose, ComposeService service) {
        List<String> problems = new ArrayList<>();
        Map<String, String> dependsOn = service.dependsOn();
        dependsOn.forEach((dependency, condition) -> {
            if (!condition.equals("service_healthy")) {
                problems.add(problem(service, "waits for '" + dependency + "' with " + condition
                        + "; it must wait for service_healthy"));
            }
            Optional<ComposeService> target = compose.service(dependency);
            if (target.isEmpty()) {
                problems.add(problem(service, "depends on '" + dependency + "', which is no service"));
            } else if (target.get().healthcheckTest().isEmpty()) {
                problems.add(problem(service, "waits for '" + dependency + "', which has no healthcheck"));
            }
        });
        String module = module(service);
        if (repository.isModule(module) && repository.isSpringBootApplication(module)) {
            requireDependency(compose, service, "apache/kafka:", "Kafka", problems);
        }
        if (service.environment().containsKey("SPRING_DATASOURCE_URL")) {
            requireDependency(compose, service, "postgres:", "PostgreSQL", problems);
            if (!repository.ownsMigrations(module) && dependsOn.keySet().stream()
                    .flatMap(name -> compose.service(name).stream())
                    .noneMatch(other -> other.isBuilt() && repository.ownsMigrations(module(other)))) {
                problems.add(problem(service, "reads the database but waits for no service that migrates it"));
            }
        }
        return problems;
    }

    List<String> publishing(ComposeService service) {
        List<String> problems = new ArrayList<>();
        if (!service.ports().isEmpty() && !PUBLISHING_SERVICES.contains(service.name())) {
            problems.add(problem(service, "publishes host ports " + service.ports() + "; only " + PUBLISHING_SERVICES
                    + " may (a scaled service cannot bind one host port twice)"));
        }
        service.containerName().ifPresent(name -> problems.add(problem(service, "has container_name '" + name
                + "'; Compose cannot start a second replica of it (--scale)")));
        return problems;
    }

    private static void requireDependency(ComposeFile compose, ComposeService service, String imagePrefix,
                                          String what, List<String> problems) {
        Optional<ComposeService> infrastructure = compose.serviceWithImage(imagePrefix);
        if (infrastructure.isEmpty() || !service.dependsOn().containsKey(infrastructure.get().name())) {
            problems.add(problem(service, "does not wait for " + what + " ("
                    + infrastructure.map(ComposeService::name).orElse(imagePrefix + "* image") + ")"));
        }
    }

    static String problem(ComposeService service, String what) {
        return "service '" + service.name() + "' " + what;
    }
}
