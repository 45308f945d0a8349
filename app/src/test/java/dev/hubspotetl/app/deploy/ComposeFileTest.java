package dev.hubspotetl.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked against the applications it runs, because no Docker engine runs the tests:
 * every environment variable binds a property of its application, every application is built from its
 * module's runnable jar, has a healthcheck and waits for healthy dependencies, the loader scales, Kafka can
 * run transactions on one broker, and everything is wired to the same broker, database and topics.
 * {@link ComposeRulesTest} shows each rule rejecting what it must.
 */
class ComposeFileTest {

    private static RepositoryLayout repository;
    private static ComposeFile compose;

    @BeforeAll
    static void readComposeFile() {
        repository = RepositoryLayout.locate();
        compose = ComposeFile.load(repository.composeFile());
    }

    @Test
    void shouldRunKafkaPostgresTheSimulatorAndEveryApplication() {
        assertThat(compose.services()).containsKeys("kafka", "postgres", "simulator", "extractor", "transformer",
                "loader", "api");
        assertThat(compose.services().values().stream().filter(ComposeService::isBuilt).map(ServiceRules::module))
                .containsExactlyInAnyOrder("hubspot-simulator", "extractor", "transformer", "loader", "api");
        assertThat(new WiringRules(repository).deployed(compose)).isEmpty();
    }

    @Test
    void shouldBindEveryEnvironmentVariableToAPropertyOfItsApplication() {
        ServiceRules rules = new ServiceRules(repository);
        List<String> problems = compose.services().values().stream().filter(ComposeService::isBuilt)
                .flatMap(service -> rules.environment(service).stream()).toList();

        assertThat(problems).isEmpty();
        // The check saw the variables that matter (a checker that read nothing would pass too).
        assertThat(compose.service("extractor").orElseThrow().environment()).containsKeys("SPRING_KAFKA_BOOTSTRAPSERVERS",
                "ETL_HUBSPOT_BASEURL", "ETL_HUBSPOT_CREDENTIALSDIR", "ETL_HUBSPOT_RATELIMIT_REQUESTS",
                "ETL_HUBSPOT_RATELIMIT_WINDOW", "ETL_TOPICS_SCANREQUESTS", "ETL_TOPICDEFAULTS_PARTITIONS");
        assertThat(compose.service("loader").orElseThrow().environment()).containsKeys("SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "ETL_LOADER_CONCURRENCY", "ETL_LOADER_DEALSGROUPID", "SERVER_PORT");
        assertThat(BoundProperties.of(repository, "extractor").size()).isGreaterThan(30);
    }

    @Test
    void shouldGiveTheApiItsKeysFromAnEnvFileThatBindsEtlApiKeys() {
        ComposeService api = compose.service("api").orElseThrow();

        assertThat(api.envFiles()).isNotEmpty().allSatisfy(file -> assertThat(file).isRegularFile());
        Map<String, String> keys = ComposeService.envFileVariables(api.envFiles().get(0));
        assertThat(keys).isNotEmpty().allSatisfy((variable, organization) -> {
            assertThat(BoundProperties.of(repository, "api").propertyOf(variable)).contains("etl.api.keys.<key>");
            assertThat(organization).isNotBlank();
        });
    }

    @Test
    void shouldBuildEveryApplicationFromItsModulesRunnableJar() {
        ServiceRules rules = new ServiceRules(repository);

        compose.services().values().stream().filter(ComposeService::isBuilt).forEach(service -> {
            assertThat(rules.build(compose, service)).isEmpty();
            assertThat(service.buildArgs().get(ServiceRules.BUILD_ARG_JAR))
                    .isEqualTo(repository.runnableJar(ServiceRules.module(service)).orElseThrow());
        });
    }

    @Test
    void shouldHealthcheckEveryServiceAndStartOnlyOnHealthyDependencies() {
        ServiceRules rules = new ServiceRules(repository);

        compose.services().values().forEach(service -> assertThat(service.healthcheckTest())
                .as("healthcheck of %s", service.name()).isNotEmpty());
        compose.services().values().stream().filter(ComposeService::isBuilt).forEach(service -> {
            assertThat(rules.healthcheck(service)).isEmpty();
            assertThat(rules.dependencies(compose, service)).isEmpty();
        });
        assertThat(compose.service("api").orElseThrow().dependsOn())
                .containsEntry("kafka", "service_healthy")
                .containsEntry("postgres", "service_healthy")
                .containsEntry("loader", "service_healthy");
    }

    @Test
    void shouldLetTheLoaderScaleAndPublishOnlyTheApiAndTheSimulator() {
        ServiceRules rules = new ServiceRules(repository);
        ComposeService loader = compose.service("loader").orElseThrow();

        assertThat(loader.containerName()).isEmpty();
        assertThat(loader.ports()).isEmpty();
        compose.services().values().forEach(service -> assertThat(rules.publishing(service)).isEmpty());
        assertThat(compose.service("api").orElseThrow().ports()).containsExactly("8080:8080");
    }

    @Test
    void shouldRunOneKraftBrokerThatCanRunTransactions() {
        Map<String, String> kafka = compose.service("kafka").orElseThrow().environment();

        assertThat(new WiringRules(repository).kafka(compose)).isEmpty();
        assertThat(kafka).containsAllEntriesOf(WiringRules.SINGLE_BROKER_SETTINGS)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void shouldWireEveryApplicationToTheSameDatabaseAndTopics() {
        WiringRules rules = new WiringRules(repository);

        assertThat(rules.database(compose)).isEmpty();
        assertThat(rules.sharedSettings(compose)).isEmpty();
        assertThat(compose.service("extractor").orElseThrow().environment())
                .containsEntry("ETL_HUBSPOT_BASEURL", "http://simulator:8089");
    }

    @Test
    void shouldKeepPasswordsTokensAndApiKeysOutOfTheComposeFile() {
        assertThat(new SecretRules(repository).secretsStayOut(compose)).isEmpty();
    }

    @Test
    void shouldFindNoProblemAtAll() {
        assertThat(new ServiceRules(repository).check(compose)).isEmpty();
        assertThat(new WiringRules(repository).check(compose)).isEmpty();
        assertThat(new ImageRules(repository).check(compose)).isEmpty();
        assertThat(new SecretRules(repository).check(compose)).isEmpty();
    }
}
