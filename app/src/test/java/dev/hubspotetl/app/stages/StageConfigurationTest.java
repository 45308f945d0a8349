package dev.hubspotetl.app.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.stages.StageConfiguration.Database;
import dev.hubspotetl.app.stages.StageConfiguration.SimulatedHubSpot;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageConfigurationTest {

    private static final UserConfiguration NOTHING_GIVEN = UserConfiguration.load(Map.of(), Map.of());

    private static StageConfiguration embedded(Map<String, String> userProperties, boolean fast) {
        return new StageConfiguration(userProperties, Optional.of("localhost:9092"),
                Optional.of(new Database("jdbc:postgresql://localhost:55432/hubspot_etl", "postgres", "pw")),
                Optional.of(new SimulatedHubSpot("http://127.0.0.1:4711", "demo", "demo-token")), fast,
                Path.of("/data"), 8080, "demo-key", "demo");
    }

    private static StageConfiguration configured() {
        return new StageConfiguration(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Path.of("/data"), 8080, "key", "org");
    }

    @Test
    void shouldPointEveryStageAtTheEmbeddedBrokerAndOnlyLoaderAndApiAtTheDatabase() {
        StageConfiguration configuration = embedded(Map.of(), false);

        for (Stage stage : Stage.values()) {
            Map<String, String> properties = configuration.propertiesFor(stage, NOTHING_GIVEN);
            assertThat(properties).containsEntry("spring.kafka.bootstrap-servers", "localhost:9092");
            if (stage.usesDatabase()) {
                assertThat(properties).containsEntry("spring.datasource.url",
                        "jdbc:postgresql://localhost:55432/hubspot_etl").doesNotContainKey("spring.autoconfigure.exclude");
            } else {
                assertThat(properties).doesNotContainKey("spring.datasource.url");
                assertThat(properties.get("spring.autoconfigure.exclude"))
                        .contains("DataSourceAutoConfiguration", "FlywayAutoConfiguration");
            }
        }
    }

    @Test
    void shouldGiveTheExtractorTheSimulatorAndItsCredentialOnly() {
        Map<String, String> extractor = embedded(Map.of(), false).propertiesFor(Stage.EXTRACTOR, NOTHING_GIVEN);
        Map<String, String> loader = embedded(Map.of(), false).propertiesFor(Stage.LOADER, NOTHING_GIVEN);

        assertThat(extractor).containsEntry("etl.hubspot.base-url", "http://127.0.0.1:4711")
                .containsEntry("etl.hubspot.credentials.demo", "demo-token")
                .containsEntry("etl.extractor.instance-id", embedded(Map.of(), false).localInstanceId())
                .doesNotContainKey("etl.hubspot.rate-limit.requests");
        assertThat(loader).doesNotContainKeys("etl.hubspot.base-url", "etl.hubspot.credentials.demo");
    }

    @Test
    void shouldNameStaticMembersAfterTheDataDirectory() {
        StageConfiguration other = new StageConfiguration(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Path.of("/other"), 8080, "key", "org");

        assertThat(embedded(Map.of(), false).localInstanceId()).startsWith("local-")
                .isEqualTo(configured().localInstanceId())
                .isNotEqualTo(other.localInstanceId());
    }

    @Test
    void shouldSwitchTheExtractorsRateLimitsOffWhenFast() {
        Map<String, String> extractor = embedded(Map.of(), true).propertiesFor(Stage.EXTRACTOR, NOTHING_GIVEN);

        assertThat(extractor).containsEntry("etl.hubspot.rate-limit.requests", "0")
                .containsEntry("etl.hubspot.rate-limit.search-per-second", "0");
    }

    @Test
    void shouldPassNoConnectionSettingsForConfiguredParts() {
        for (Stage stage : Stage.values()) {
            assertThat(configured().propertiesFor(stage, NOTHING_GIVEN)).doesNotContainKeys(
                    "spring.kafka.bootstrap-servers", "spring.datasource.url", "etl.hubspot.base-url");
        }
    }

    @Test
    void shouldServeTheApiOnItsPortWithTheLocalKeyAndLoopbackOnly() {
        Map<String, String> api = embedded(Map.of(), false).propertiesFor(Stage.API, NOTHING_GIVEN);

        assertThat(api).containsEntry("server.port", "8080").containsEntry("server.address", "127.0.0.1")
                .containsEntry("etl.api.keys[demo-key]", "demo");
    }

    @Test
    void shouldLetTheUsersSettingsWinOverLocalDefaults() {
        Map<String, String> given = Map.of("server.address", "0.0.0.0", "etl.transformer.state-dir", "/state",
                "etl.topics.deals", "custom.deals");
        UserConfiguration user = UserConfiguration.load(given, Map.of());
        StageConfiguration configuration = embedded(given, false);

        assertThat(configuration.propertiesFor(Stage.API, user)).containsEntry("server.address", "0.0.0.0")
                .containsEntry("etl.topics.deals", "custom.deals");
        assertThat(configuration.propertiesFor(Stage.TRANSFORMER, user))
                .containsEntry("etl.transformer.state-dir", "/state")
                .containsEntry("spring.kafka.streams.properties.group.instance.id",
                        configuration.localInstanceId() + "-transformer");
        assertThat(embedded(Map.of(), false).propertiesFor(Stage.TRANSFORMER, NOTHING_GIVEN))
                .containsEntry("etl.transformer.state-dir", Path.of("/data/kafka-streams").toAbsolutePath().toString());
    }
}
