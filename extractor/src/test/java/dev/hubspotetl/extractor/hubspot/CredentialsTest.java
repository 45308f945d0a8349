package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.extractor.config.HubSpotProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

    @Test
    void shouldResolveAConfiguredReferenceWhateverItsSpelling() {
        // ETL_HUBSPOT_CREDENTIALS_PORTAL_A binds as the map key "portal.a".
        Credentials credentials = new Credentials(Map.of("portal.a", TOKEN), null);

        assertThat(credentials.resolve("portal-a")).map(Credential::ref).contains("portal-a");
        assertThat(credentials.resolve("PORTAL_A")).isPresent();
        assertThat(credentials.resolve("portal-b")).isEmpty();
        assertThat(credentials.resolve("")).isEmpty();
        assertThat(credentials.resolve(null)).isEmpty();
    }

    @Test
    void shouldReadAMountedSecretNamedAfterTheReferenceOnEveryLookup(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("portal-b"), TOKEN + "\n");
        Credentials credentials = new Credentials(Map.of(), secrets);

        assertThat(credentials.resolve("portal-b")).isPresent();
        Files.writeString(secrets.resolve("portal-b"), "rotated-token");
        assertThat(credentials.resolve("portal-b").orElseThrow().token().redact("x rotated-token y"))
                .isEqualTo("x [redacted] y");
        assertThat(credentials.whereConfigured("portal-b")).contains("etl.hubspot.credentials.portal-b");
    }

    @Test
    void shouldNeverReadOutsideTheSecretsDirectory(@TempDir Path root) throws Exception {
        Path secrets = Files.createDirectory(root.resolve("secrets"));
        Files.writeString(root.resolve("outside"), TOKEN);

        Credentials credentials = new Credentials(Map.of(), secrets);

        assertThat(credentials.resolve("../outside")).isEmpty();
        assertThat(credentials.resolve(".hidden")).isEmpty();
    }

    @Test
    void shouldNeverShowTheTokenInAToString() {
        Credential credential = new Credentials(Map.of("portal-a", TOKEN), null).resolve("portal-a").orElseThrow();
        HubSpotProperties properties = new HubSpotProperties(URI.create("https://api.hubapi.com"),
                Map.of("portal-a", TOKEN), null,
                new HubSpotProperties.RateLimit(100, Duration.ofSeconds(10), 5, Duration.ZERO),
                new HubSpotProperties.Retry(5, Duration.ofMillis(500), Duration.ofSeconds(30), 20),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 15_000, 3_000);

        assertThat(credential.toString()).contains("portal-a").doesNotContain(TOKEN);
        assertThat(credential.token().toString()).doesNotContain(TOKEN);
        assertThat(properties.toString()).contains("portal-a").doesNotContain(TOKEN);
        assertThat(credential.token().authorizationHeader()).isEqualTo("Bearer " + TOKEN);
        assertThat(credential.token().redact("HubSpot said " + TOKEN + " is bad")).isEqualTo(
                "HubSpot said [redacted] is bad");
    }
}
