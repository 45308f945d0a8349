package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing errors, health, metrics and the OpenAPI description. */
class PlatformIT extends ApiIntegrationTest {

    @Test
    void shouldAnswerUnknownRoutesWith404AndTheErrorBody() {
        ApiClient.Response api404 = api.get(KEY_A, "/api/v1/nothing-here");
        assertError(api404, 404, "NOT_FOUND");
        assertThat(api404.json().get("message").stringValue()).contains("/api/v1/nothing-here");
        assertError(api.get(null, "/api/v1/nothing-here"), 401, "UNAUTHORIZED");
        assertError(api.get(null, "/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void shouldAnswerARequestTomcatRefusesWithTheErrorBodyToo() throws java.io.IOException {
        // A bare '%' is no valid URI: Tomcat answers 400 before any filter or controller runs.
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/scans/% HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                    .contains("{\"error_code\":\"BAD_REQUEST\",\"message\":\"Bad Request\",\"details\":[]}");
        }
    }

    @Test
    void shouldAnswerAWrongMethodWith405TheAllowHeaderAndTheErrorBody() {
        ApiClient.Response put = api.send("PUT", KEY_A, "/api/v1/scans", "application/json", "{}");
        assertError(put, 405, "METHOD_NOT_ALLOWED");
        assertThat(put.header("Allow")).contains("GET").contains("POST");
        assertError(api.send("PATCH", KEY_A, "/api/v1/scans/some-scan", "application/json", "{}"), 405,
                "METHOD_NOT_ALLOWED");
        assertError(api.get(KEY_A, "/api/v1/scans/some-scan/cancel"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void shouldAnswerAnUnacceptableAcceptHeaderWithTheJsonErrorBody() {
        ScanFixture.scan("platform-accept", ApiTestEnvironment.ORG_A).insert(jdbc);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/scans/platform-accept")).header("X-API-Key", KEY_A).header("Accept", "application/xml").build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(ApiClient.JSON.readTree(response.body()).get("error_code").stringValue()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void shouldReportDatabaseAndKafkaHealth() {
        JsonNode health = api.get(null, "/actuator/health").json();

        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").stringValue()).isEqualTo("UP");
        JsonNode kafka = health.get("components").get("kafka");
        assertThat(kafka.get("status").stringValue()).isEqualTo("UP");
        assertThat(kafka.get("details").get("nodes").intValue()).isEqualTo(1);
    }

    @Test
    void shouldExposePrometheusMetricsIncludingPublishedCommands() {
        assertThat(api.post(KEY_A, "/api/v1/scans", "{\"scan_id\": \"platform-metrics\", \"credential_ref\": \"c\"}")
                .status()).isEqualTo(202);

        ApiClient.Response metrics = api.get(null, "/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("etl_api_commands_published_total{")
                .contains("outcome=\"acknowledged\"")
                .contains("http_server_requests_seconds_count{")
                .contains("hikaricp_connections")
                .contains("kafka_producer_");
    }

    @Test
    void shouldServeTheOpenApiDescriptionAndSwaggerUi() {
        ApiClient.Response docs = api.get(null, "/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/scans")).isTrue();
        assertThat(paths.get("/api/v1/scans").has("post")).isTrue();
        assertThat(paths.has("/api/v1/scans/{scanId}")).isTrue();
        assertThat(paths.get("/api/v1/scans/{scanId}").has("delete")).isTrue();
        assertThat(paths.has("/api/v1/scans/{scanId}/cancel")).isTrue();
        assertThat(paths.has("/api/v1/scans/{scanId}/deals")).isTrue();
        assertThat(paths.has("/api/v1/scans/{scanId}/deals/summary")).isTrue();
        assertThat(paths.has("/api/v1/scans/{scanId}/deals/export")).isTrue();
        assertThat(paths.has("/api/v1/stats")).isTrue();
        JsonNode components = docs.json().get("components");
        assertThat(components.get("securitySchemes").get("apiKey").get("name").stringValue()).isEqualTo("X-API-Key");
        assertThat(components.get("schemas").get("ScanSubmission").get("properties").has("scan_id")).isTrue();
        assertThat(components.get("schemas").get("Error").get("properties").has("error_code")).isTrue();
        // The tenant comes from the key: it must not show up as a client parameter.
        assertThat(docs.body()).doesNotContain("\"tenant\"");

        ApiClient.Response ui = api.get(null, "/swagger-ui.html");
        String location = ui.header("Location");
        assertThat(ui.status()).isEqualTo(302);
        ApiClient.Response page = api.get(null, URI.create(location).getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    private static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("error_code").stringValue()).isEqualTo(code);
        assertThat(body.get("message").stringValue()).isNotBlank();
        assertThat(body.get("details").isArray()).isTrue();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
