package dev.hubspotetl.api.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the API under test. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A path with its query parameters URL-encoded: name, value, name, value... (null values left out). */
    static String path(String path, String... nameValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                query.add(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    Response get(String key, String path) {
        return send("GET", key, path, null, null);
    }

    Response post(String key, String path, String json) {
        return send("POST", key, path, "application/json", json);
    }

    Response delete(String key, String path) {
        return send("DELETE", key, path, null, null);
    }

    Response send(String method, String key, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body the caller reads as it arrives. */
    HttpResponse<InputStream> stream(String key, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .timeout(Duration.ofMinutes(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
