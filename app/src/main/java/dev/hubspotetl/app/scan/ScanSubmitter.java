package dev.hubspotetl.app.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a scan the way any client does: {@code POST /api/v1/scans} with an API key, so that local
 * mode runs the whole path (API, Kafka, extractor, transformer, loader).
 */
public final class ScanSubmitter {

    static final String SCANS_PATH = "/api/v1/scans";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiBase;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ScanSubmitter(URI apiBase, String apiKey) {
        this.apiBase = apiBase;
        this.apiKey = apiKey;
    }

    /** Submits a full scan of every deal; throws with the API's answer when it is not accepted. */
    public void submit(String scanId, String credentialRef, int batchSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scan_id", scanId);
        body.put("credential_ref", credentialRef);
        body.put("batch_size", batchSize);
        HttpRequest request = HttpRequest.newBuilder(apiBase.resolve(SCANS_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("The API refused scan " + scanId + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the API at " + apiBase + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while submitting scan " + scanId, e);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a scan request", e);
        }
    }
}
