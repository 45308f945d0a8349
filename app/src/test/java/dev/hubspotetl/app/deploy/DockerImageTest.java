package dev.hubspotetl.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile, which builds every application's image: a JDK stage runs the Maven build, a JRE stage
 * runs the module's runnable jar as a non-root user, and no token, API key or password reaches an image,
 * neither written into a build file nor through the build context.
 */
class DockerImageTest {

    private static RepositoryLayout repository;
    private static ComposeFile compose;
    private static Path dockerfilePath;

    @BeforeAll
    static void readFiles() {
        repository = RepositoryLayout.locate();
        compose = ComposeFile.load(repository.composeFile());
        dockerfilePath = repository.root().resolve("docker/Dockerfile");
    }

    @Test
    void shouldBuildWithTheJdkAndRunTheRunnableJarOnTheJreAsNonRoot() {
        Dockerfile dockerfile = Dockerfile.parse(RepositoryLayout.read(dockerfilePath));

        assertThat(new ImageRules(repository).stages("docker/Dockerfile", dockerfile,
                Set.of("extractor", "transformer", "loader", "api", "hubspot-simulator"), true)).isEmpty();
        assertThat(dockerfile.stages()).extracting(Dockerfile.Stage::image)
                .containsExactly("eclipse-temurin:17-jdk", "eclipse-temurin:17-jre");
    }

    @Test
    void shouldRejectARootUserAWrongEntrypointAndAModuleLeftOutOfTheBuild() {
        Dockerfile dockerfile = Dockerfile.parse("""
                FROM eclipse-temurin:17-jdk AS build
                RUN sh ./mvnw -B -q -DskipTests package \\
                    --projects loader,api --also-make
                FROM eclipse-temurin:17-jre
                ARG MODULE
                ARG JAR=${MODULE}
                COPY --from=build /src/${MODULE}/target/${JAR}.jar /app/app.jar
                ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
                ENTRYPOINT java -jar /app/app.jar
                """);

        assertThat(new ImageRules(repository).stages("Dockerfile", dockerfile, Set.of("loader", "extractor"), true))
                .containsExactlyInAnyOrder(
                        "Dockerfile builds only [loader, api], not module extractor",
                        "Dockerfile runs the application as root",
                        "Dockerfile must have ENTRYPOINT " + ImageRules.ENTRYPOINT + ", has [java -jar /app/app.jar]",
                        "Dockerfile does not install /app/healthcheck, which the healthchecks run");
    }

    @Test
    void shouldKeepTokensKeysAndPasswordsOutOfEveryImageBuildFile() {
        SecretRules rules = new SecretRules(repository);
        Map<String, String> secrets = rules.secretLiterals(compose);

        // The deployment's secrets are known to the check: the demo token, the database password, the API key.
        assertThat(secrets).containsKeys("demo-token", "demokey").hasSizeGreaterThanOrEqualTo(3);
        assertThat(rules.secretsOutOfBuildFiles("docker/Dockerfile", RepositoryLayout.read(dockerfilePath), secrets))
                .isEmpty();
        assertThat(rules.secretsOutOfBuildFiles("docker/healthcheck.sh",
                RepositoryLayout.read(repository.root().resolve("docker/healthcheck.sh")), secrets)).isEmpty();
        assertThat(new ImageRules(repository).buildFiles(compose)).extracting(repository::relative)
                .containsExactly("docker/Dockerfile", "docker/healthcheck.sh");
    }

    @Test
    void shouldRejectABuildFileThatBakesASecretIn() {
        SecretRules rules = new SecretRules(repository);

        assertThat(rules.secretsOutOfBuildFiles("Dockerfile", """
                FROM eclipse-temurin:17-jre
                ENV ETL_HUBSPOT_CREDENTIALS_DEMO=demo-token
                ARG HUBSPOT_TOKEN
                RUN echo pat-na1-0a1b2c3d-0000-0000-0000-000000000000 > /token
                """, rules.secretLiterals(compose))).containsExactly(
                "Dockerfile contains the secret of docker/demo-secrets/hubspot/demo",
                "Dockerfile contains a HubSpot private-app token",
                "Dockerfile bakes ENV ETL_HUBSPOT_CREDENTIALS_DEMO into the image",
                "Dockerfile bakes ARG HUBSPOT_TOKEN into the image");
    }

    @Test
    void shouldKeepSecretFilesOutOfTheBuildContext() {
        SecretRules rules = new SecretRules(repository);

        assertThat(rules.contextExcludesSecrets(compose, RepositoryLayout.read(repository.root().resolve(".dockerignore"))))
                .isEmpty();
        assertThat(rules.contextExcludesSecrets(compose, "**/target\n!docker/demo-secrets\n"))
                .contains("docker/demo-secrets/postgres-password holds secrets but .dockerignore lets it into the"
                        + " build context");
        assertThat(SecretRules.ignored(Path.of("docker/demo-secrets/hubspot/demo"), List.of("docker/demo-secrets")))
                .isTrue();
        assertThat(SecretRules.ignored(Path.of("docker/healthcheck.sh"), List.of("docker/demo-secrets", "**/*.env")))
                .isFalse();
    }
}
