package dev.hubspotetl.transformer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.schemas.kafka.TopicNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yml's defaults bind to valid settings; environment variables override them; bad values
 * fail with the property's name.
 */
class EtlPropertiesTest {

    @Test
    void shouldBindTheDefaultsOfApplicationYml() throws IOException {
        EtlProperties etl = bind(Map.of());

        assertThat(etl.topics()).isEqualTo(TopicNames.DEFAULTS);
        assertThat(etl.transformer().applicationId()).isEqualTo("hubspot-etl-transformer");
        assertThat(etl.transformer().streamThreads()).isEqualTo(1);
        assertThat(etl.transformer().commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(etl.transformer().closeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(etl.transformer().stateDir()).isNull();
        assertThat(etl.topicDefaults().partitions()).isEqualTo(6);
        assertThat(etl.topicDefaults().replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void shouldTakeOverridesFromEnvironmentVariables() throws IOException {
        EtlProperties etl = bind(Map.of(
                "ETL_TOPICS_DEALSRAW", "acme.deals.raw",
                "ETL_TRANSFORMER_STREAMTHREADS", "4",
                "ETL_TRANSFORMER_COMMITINTERVAL", "1s",
                "ETL_TRANSFORMER_STATEDIR", "/var/lib/transformer",
                "ETL_TOPICDEFAULTS_PARTITIONS", "12"));

        assertThat(etl.topics().dealsRaw()).isEqualTo("acme.deals.raw");
        assertThat(etl.topics().deals()).isEqualTo("hubspot.deals");
        assertThat(etl.transformer().streamThreads()).isEqualTo(4);
        assertThat(etl.transformer().commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(etl.transformer().stateDir()).isEqualTo("/var/lib/transformer");
        assertThat(etl.topicDefaults().partitions()).isEqualTo(12);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "ETL_TRANSFORMER_STREAMTHREADS | 0 | etl.transformer.stream-threads must be 1 to 64",
            "ETL_TRANSFORMER_STREAMTHREADS | 65 | etl.transformer.stream-threads must be 1 to 64",
            "ETL_TRANSFORMER_COMMITINTERVAL | 0ms | etl.transformer.commit-interval must be at least 1ms",
            "ETL_TRANSFORMER_APPLICATIONID | bad id! | etl.transformer.application-id must be",
            "ETL_TRANSFORMER_CLOSETIMEOUT | -1s | etl.transformer.close-timeout must not be negative",
            "ETL_TOPICDEFAULTS_PARTITIONS | 0 | etl.topic-defaults.partitions must be at least 1",
            "ETL_TOPICDEFAULTS_REPLICATIONFACTOR | 0 | etl.topic-defaults.replication-factor must be at least 1",
            "ETL_TOPICS_DEALS | hubspot.deals.raw | every topic needs its own name",
            "ETL_TOPICS_DEALSDLQ | no spaces | is not a valid Kafka topic name"})
    void shouldRefuseAnInvalidSettingNamingIt(String variable, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of(variable, value)))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(message);
    }

    private static EtlProperties bind(Map<String, Object> environment) throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new ArrayList<>(yaml).forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources)).bind("etl", EtlProperties.class).get();
    }
}
