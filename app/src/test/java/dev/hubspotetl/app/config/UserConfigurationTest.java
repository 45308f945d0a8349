package dev.hubspotetl.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserConfigurationTest {

    @Test
    void shouldNotCountTheStagesOwnDefaultsAsGiven() {
        // Every stage's application.yml on this classpath sets spring.kafka.bootstrap-servers: localhost:9092.
        UserConfiguration user = UserConfiguration.load(Map.of(), Map.of());

        assertThat(user.isGiven("spring.kafka.bootstrap-servers")).isFalse();
        assertThat(user.isGiven("spring.datasource.url")).isFalse();
        assertThat(user.isGiven("etl.hubspot.base-url")).isFalse();
    }

    @Test
    void shouldCountCommandLinePropertiesAsGiven() {
        UserConfiguration user = UserConfiguration.load(Map.of("spring.kafka.bootstrap-servers", "broker:9092",
                "etl.hubspot.credentials.portal-a", "pat-1", "etl.hubspot.credentials.portal-b", "pat-2"), Map.of());

        assertThat(user.get("spring.kafka.bootstrap-servers")).hasValue("broker:9092");
        assertThat(user.map("etl.hubspot.credentials")).containsOnlyKeys("portal-a", "portal-b");
    }

    @Test
    void shouldReadEnvironmentVariablesByTheirRelaxedNames() {
        UserConfiguration user = UserConfiguration.load(Map.of(), Map.of("SPRING_KAFKA_BOOTSTRAPSERVERS", "broker:9092",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/etl", "ETL_HUBSPOT_CREDENTIALS_PORTAL", "pat-1"));

        assertThat(user.get("spring.kafka.bootstrap-servers")).hasValue("broker:9092");
        assertThat(user.get("spring.datasource.url")).hasValue("jdbc:postgresql://db/etl");
        assertThat(user.map("etl.hubspot.credentials")).containsOnlyKeys("portal");
        assertThat(user.isGiven("etl.hubspot.base-url")).isFalse();
    }

    @Test
    void shouldLetTheCommandLineWinOverTheEnvironment() {
        UserConfiguration user = UserConfiguration.load(Map.of("server.port", "9000"), Map.of("SERVER_PORT", "8000"));

        assertThat(user.get("server.port")).hasValue("9000");
    }
}
