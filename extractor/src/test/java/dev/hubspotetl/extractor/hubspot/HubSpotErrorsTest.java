package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubSpotErrorsTest {

    @Test
    void shouldQuoteHubSpotsMessageWithItsCorrelationId() {
        String body = "{\"status\":\"error\",\"message\":\"internal error\",\"correlationId\":\"c0ffee\","
                + "\"category\":\"INTERNAL_ERROR\"}";

        assertThat(HubSpotErrors.message(body)).isEqualTo("internal error (correlationId c0ffee)");
    }

    @Test
    void shouldNameAnEdgeProxysHtmlPageByItsTitle() {
        String body = "<html>\r\n<head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>";

        assertThat(HubSpotErrors.message(body)).isEqualTo("502 Bad Gateway (HTML answer, not from the HubSpot API itself)");
    }

    @Test
    void shouldShortenAnythingElse() {
        assertThat(HubSpotErrors.message("")).isEqualTo("(empty body)");
        assertThat(HubSpotErrors.message("x".repeat(1_000))).hasSize(303);
        assertThat(HubSpotErrors.message("{not json")).isEqualTo("{not json");
    }
}
