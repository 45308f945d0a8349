package dev.hubspotetl.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link ComposeFileTest} applies to docker-compose.yml, shown rejecting small Compose files that
 * break them: a test that could not fail would prove nothing. The snippets are checked against this
 * repository's real modules, so a variable is judged by what the application really binds.
 */
class ComposeRulesTest {

    private static RepositoryLayout repository;

    @BeforeAll
    static void locateRepository() {
        repository = RepositoryLayout.locate();
    }

    @Test
    void shouldRejectAVariableThatBindsNoPropertyNamingServiceAndVariable() {
        ComposeService extractor = service("""
                services:
                  extractor:
                    build: {context: ., dockerfile: docker/Dockerfile, args: {MODULE: extractor, JAR: extractor}}
                    environment:
                      ETL_HUBSPOT_BASEURL: http://simulator:8089
                      ETL_HUBSPOT_BASEURI: http://simulator:8089
                      SPRING_KAFKA_BOOTSTRAPSERVER: kafka:9092
                """, "extractor");

        assertThat(new ServiceRules(repository).environment(extractor)).containsExactlyInAnyOrder(
                "service 'extractor' environment variable ETL_HUBSPOT_BASEURI binds no property of extractor",
                "service 'extractor' environment variable SPRING_KAFKA_BOOTSTRAPSERVER binds no property of extractor");
    }

    @Test
    void shouldNameTheCanonicalVariableForSpringsLegacySpelling() {
        ComposeService loader = service("""
                services:
                  loader:
                    build: {context: ., dockerfile: docker/Dockerfile, args: {MODULE: loader}}
                    environment:
                      SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                """, "loader");

        assertThat(new ServiceRules(repository).environment(loader)).containsExactly(
                "service 'loader' environment variable SPRING_KAFKA_BOOTSTRAP_SERVERS binds no property of loader;"
                        + " Spring's canonical name is SPRING_KAFKA_BOOTSTRAPSERVERS");
    }

    @Test
    void shouldAcceptMapKeysOnlyInTheApplicationThatBindsTheMap() {
        ComposeFile compose = parse("""
                services:
                  extractor:
                    build: {context: ., args: {MODULE: extractor}}
                    environment: [ETL_HUBSPOT_CREDENTIALS_PORTALA=x, JAVA_TOOL_OPTIONS=-Xmx256m]
                  transformer:
                    build: {context: ., args: {MODULE: transformer}}
                    environment: [ETL_HUBSPOT_CREDENTIALS_PORTALA=x, ETL_API_KEYS_K1=org]
                  simulator:
                    build: {context: ., args: {MODULE: hubspot-simulator}}
                    environment: [JAVA_TOOL_OPTIONS=-Xmx256m, SERVER_PORT=8089]
                """);
        ServiceRules rules = new ServiceRules(repository);

        assertThat(rules.environment(compose.service("extractor").orElseThrow())).isEmpty();
        assertThat(rules.environment(compose.service("transformer").orElseThrow())).containsExactly(
                "service 'transformer' environment variable ETL_HUBSPOT_CREDENTIALS_PORTALA binds no property of transformer",
                "service 'transformer' environment variable ETL_API_KEYS_K1 binds no property of transformer");
        assertThat(rules.environment(compose.service("simulator").orElseThrow())).containsExactly(
                "service 'simulator' environment variable SERVER_PORT binds no property of hubspot-simulator;"
                        + " hubspot-simulator is configured by command-line flags");
    }

    @Test
    void shouldRejectAServiceThatCannotScaleOrPublishesAHostPort() {
        ComposeFile compose = parse("""
                services:
                  loader:
                    build: {context: ., args: {MODULE: loader}}
                    container_name: the-loader
                    ports: ["8081:8080"]
                  api:
                    build: {context: ., args: {MODULE: api}}
                    ports: ["8080:8080"]
                """);
        ServiceRules rules = new ServiceRules(repository);

        assertThat(rules.publishing(compose.service("loader").orElseThrow())).containsExactly(
                "service 'loader' publishes host ports [8081:8080]; only " + ServiceRules.PUBLISHING_SERVICES
                        + " may (a scaled service cannot bind one host port twice)",
                "service 'loader' has container_name 'the-loader'; Compose cannot start a second replica of it (--scale)");
        assertThat(rules.publishing(compose.service("api").orElseThrow())).isEmpty();
    }

    @Test
    void shouldRejectAJarThatIsNotTheModulesRunnableJar() {
        ComposeFile compose = parse("""
                services:
                  loader:
                    build: {context: ., dockerfile: docker/Dockerfile, args: {MODULE: loader, JAR: loader-0.1.0-SNAPSHOT}}
                  ghost:
                    build: {context: ., dockerfile: docker/Dockerfile, args: {MODULE: ghost}}
                """);
        ServiceRules rules = new ServiceRules(repository);

        assertThat(rules.build(compose, compose.service("loader").orElseThrow())).containsExactly(
                "service 'loader' copies loader/target/loader-0.1.0-SNAPSHOT.jar, but the module's runnable jar is"
                        + " loader/target/loader.jar");
        assertThat(rules.build(compose, compose.service("ghost").orElseThrow())).containsExactly(
                "service 'ghost' has build argument MODULE='ghost', which is no module of this repository");
    }

    @Test
    void shouldRejectStartingBeforeDependenciesAreHealthy() {
        ComposeFile compose = parse("""
                services:
                  kafka: {image: "apache/kafka:4.1.1"}
                  postgres:
                    image: postgres:16
                    healthcheck: {test: [CMD, pg_isready]}
                  loader:
                    build: {context: ., args: {MODULE: loader}}
                    healthcheck: {test: [CMD, /app/healthcheck, "8080", /actuator/health]}
                    environment: {SERVER_PORT: "8081", SPRING_DATASOURCE_URL: "jdbc:postgresql://postgres:5432/x"}
                    depends_on: [postgres]
                  api:
                    build: {context: ., args: {MODULE: api}}
                    environment: {SPRING_DATASOURCE_URL: "jdbc:postgresql://postgres:5432/x"}
                    depends_on:
                      kafka: {condition: service_healthy}
                      postgres: {condition: service_healthy}
                """);
        ServiceRules rules = new ServiceRules(repository);

        assertThat(rules.dependencies(compose, compose.service("loader").orElseThrow())).containsExactly(
                "service 'loader' waits for 'postgres' with service_started; it must wait for service_healthy",
                "service 'loader' does not wait for Kafka (kafka)");
        assertThat(rules.dependencies(compose, compose.service("api").orElseThrow())).containsExactly(
                "service 'api' waits for 'kafka', which has no healthcheck",
                "service 'api' reads the database but waits for no service that migrates it");
        assertThat(rules.healthcheck(compose.service("loader").orElseThrow())).containsExactly(
                "service 'loader' probes port 8080 but serves on 8081");
        assertThat(rules.healthcheck(compose.service("api").orElseThrow())).containsExactly(
                "service 'api' has no healthcheck");
    }

    @Test
    void shouldRejectASingleBrokerThatCannotRunTransactions() {
        ComposeFile compose = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                    environment:
                      CLUSTER_ID: hubspot-etl-kraft-0001
                      KAFKA_PROCESS_ROLES: broker
                      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
                      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1
                      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1
                      KAFKA_LOG_DIRS: /var/lib/kafka/data
                    volumes: [kafka-data:/var/lib/kafka/data]
                    healthcheck: {test: [CMD, /opt/kafka/bin/kafka-broker-api-versions.sh]}
                  transformer:
                    build: {context: ., args: {MODULE: transformer}}
                    environment: {SPRING_KAFKA_BOOTSTRAPSERVERS: "localhost:9092"}
                """);

        assertThat(new WiringRules(repository).kafka(compose)).containsExactlyInAnyOrder(
                "Kafka must be one KRaft node with KAFKA_PROCESS_ROLES=broker,controller, not [broker]",
                "Kafka needs KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1 for exactly-once on one broker, has nothing",
                "Kafka's CLUSTER_ID 'hubspot-etl-kraft-0001' is not a base64 UUID (kafka-storage.sh random-uuid);"
                        + " the volume could not be formatted",
                "service 'transformer' bootstraps from localhost:9092, which Kafka does not advertise [kafka:9092]");
    }

    @Test
    void shouldRejectSecretsWrittenIntoTheComposeFile() {
        ComposeFile compose = parse("""
                services:
                  extractor:
                    environment:
                      ETL_HUBSPOT_CREDENTIALS_DEMO: demo-token
                      ETL_HUBSPOT_BASEURL: pat-na1-0a1b2c3d-0000-0000-0000-000000000000
                  loader:
                    environment: [SPRING_DATASOURCE_PASSWORD=hubspot_etl]
                """);

        assertThat(new SecretRules(repository).secretsStayOut(compose)).containsExactly(
                "service 'extractor' has secret ETL_HUBSPOT_CREDENTIALS_DEMO in the Compose file; give it as a secret"
                        + " or in an env_file",
                "service 'extractor' has a HubSpot token in ETL_HUBSPOT_BASEURL",
                "service 'loader' has secret SPRING_DATASOURCE_PASSWORD in the Compose file; give it as a secret or"
                        + " in an env_file");
    }

    @Test
    void shouldReadVariablesWithTheirDefaultsAsComposeDoes() {
        assertThat(Yamls.withDefaults("${HUBSPOT_BASE_URL:-http://simulator:8089}")).isEqualTo("http://simulator:8089");
        assertThat(Yamls.withDefaults("x${UNSET}y$$z${PARTITIONS-6}")).isEqualTo("xy$z6");
        assertThat(List.of(WiringRules.isKafkaUuid("4Nbgz298S4-PUy9eBZpQgw"), WiringRules.isKafkaUuid("short")))
                .containsExactly(true, false);
    }

    private ComposeFile parse(String yaml) {
        return ComposeFile.parse(yaml, repository.root());
    }

    private ComposeService service(String yaml, String name) {
        return parse(yaml).service(name).orElseThrow();
    }
}
