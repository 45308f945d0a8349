package dev.hubspotetl.app.local;

import dev.hubspotetl.app.cli.CliParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.app.cli.UsageException;
import dev.hubspotetl.app.config.UserConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

    private static LocalInfrastructure infrastructure(Map<String, String> given, String... args) {
        return new LocalInfrastructure(new CliParser(Map.of()).parse(args), UserConfiguration.load(given, Map.of()));
    }

    @Test
    void shouldSimulateHubSpotInTheDemoUnlessABaseUrlIsGiven() {
        assertThat(infrastructure(Map.of(), "demo").simulated()).isTrue();
        assertThat(infrastructure(Map.of(), "demo").credentialRef()).isEqualTo("demo");
        assertThat(infrastructure(Map.of("etl.hubspot.base-url", "https://api.hubapi.com",
                "etl.hubspot.credentials.portal", "pat"), "demo").simulated()).isFalse();
        assertThat(infrastructure(Map.of(), "run").simulated()).isFalse();
    }

    @Test
    void shouldScanWithTheOnlyConfiguredCredentialOrTheOneAskedFor() {
        Map<String, String> one = Map.of("etl.hubspot.credentials.portal", "pat-na1-x");
        Map<String, String> two = Map.of("etl.hubspot.credentials.a", "pat-1", "etl.hubspot.credentials.b", "pat-2");

        assertThat(infrastructure(one, "run").credentialRef()).isEqualTo("portal");
        assertThat(infrastructure(two, "run", "--credential-ref=b").credentialRef()).isEqualTo("b");
        assertThatThrownBy(() -> infrastructure(two, "run").credentialRef()).isInstanceOf(UsageException.class)
                .hasMessageContaining("--credential-ref");
        assertThatThrownBy(() -> infrastructure(Map.of(), "run").credentialRef()).isInstanceOf(UsageException.class)
                .hasMessageContaining("ETL_HUBSPOT_CREDENTIALS_<REF>");
    }

    @Test
    void shouldDescribeHubSpotWithoutItsToken() {
        String description = infrastructure(Map.of("etl.hubspot.credentials.portal", "pat-na1-secret"), "run")
                .hubspotDescription();

        assertThat(description).isEqualTo("https://api.hubapi.com (credential portal)").doesNotContain("secret");
    }
}
