package dev.hubspotetl.extractor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.schemas.kafka.TopicNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** application.yml's defaults are DESIGN.md's, and every name binds from its environment variable. */
class EtlPropertiesTest {

    @Test
    void shouldDefaultToTheDesignsNamesAndHubSpotsLimits() throws Exception {
        EtlProperties etl = bind(Map.of());

        assertThat(etl.topics()).isEqualTo(TopicNames.DEFAULTS);
        assertThat(etl.hubspot().baseUrl()).isEqualTo(URI.create("https://api.hubapi.com"));
        assertThat(etl.hubspot().rateLimit().requests()).isEqualTo(100);
        assertThat(etl.hubspot().rateLimit().window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(etl.hubspot().rateLimit().searchPerSecond()).isEqualTo(5);
        assertThat(etl.extractor().checkpointTopic()).isEqualTo("hubspot.extractor-checkpoints");
        assertThat(etl.topicDefaults().partitions()).isEqualTo(6);
        assertThat(etl.topicDefaults().replicationFactor()).isEqualTo((short) 1);
        assertThat(etl.hubspot().credentials()).isEmpty();
    }

    @Test
    void shouldBindTheEnvironmentVariablesOfTheDesign() throws Exception {
        EtlProperties etl = bind(Map.of(
                "ETL_HUBSPOT_BASEURL", "http://simulator:8090",
                "ETL_HUBSPOT_CREDENTIALS_PORTAL_A", "pat-na1-secret",
                "ETL_HUBSPOT_RATELIMIT_REQUESTS", "190",
                "ETL_HUBSPOT_RATELIMIT_WINDOW", "10s",
                "ETL_TOPICS_DEALSRAW", "custom.raw",
                "ETL_EXTRACTOR_MAXCONCURRENTSCANS", "8"));

        assertThat(etl.hubspot().baseUrl()).isEqualTo(URI.create("http://simulator:8090"));
        assertThat(new Credentials(etl.hubspot().credentials(), null).resolve("portal-a")).isPresent();
        assertThat(etl.hubspot().rateLimit().requests()).isEqualTo(190);
        assertThat(etl.topics().dealsRaw()).isEqualTo("custom.raw");
        assertThat(etl.extractor().maxConcurrentScans()).isEqualTo(8);
    }

    @Test
    void shouldRefuseToStartWithAnInvalidValueNamingIt() {
        assertThatThrownBy(() -> bind(Map.of("ETL_HUBSPOT_RETRY_MAXATTEMPTS", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("etl.hubspot.retry.max-attempts must be at least 1");
        assertThatThrownBy(() -> bind(Map.of("ETL_EXTRACTOR_CHECKPOINTTOPIC", "hubspot.deals.raw")))
                .rootCause().hasMessageContaining("must not be one of the pipeline's topics");
        assertThatThrownBy(() -> bind(Map.of("ETL_TOPICS_SCANEVENTS", "has spaces")))
                .rootCause().hasMessageContaining("is not a valid Kafka topic name");
    }

    private static EtlProperties bind(Map<String, Object> environment) throws Exception {
        StandardEnvironment spring = new StandardEnvironment();
        // Spring Boot maps ETL_HUBSPOT_BASEURL to etl.hubspot.base-url only for the system environment source.
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        List<org.springframework.core.env.PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        yaml.forEach(spring.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.from(spring.getPropertySources()))
                .bindOrCreate("etl", EtlProperties.class);
    }
}
