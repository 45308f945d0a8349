package dev.hubspotetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.stages.Pipeline;
import dev.hubspotetl.app.stages.StageConfiguration;
import dev.hubspotetl.app.stages.StageConfiguration.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The four applications (loader, transformer, extractor, API) started as local mode starts them, through
 * {@link Pipeline}, on the shared broker and a database of their own, with topic names, group ids,
 * application id and transactional ids prefixed by {@code name}: two test classes never share state.
 * Rate limits are off in the extractor; the simulator decides whether HubSpot limits.
 */
final class E2ePipeline implements AutoCloseable {

    static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final List<String> TOPICS =
            List.of("scan-requests", "scan-control", "deals-raw", "deals", "scan-events", "deals-dlq");

    private final String name;
    private final Map<String, String> topics = new LinkedHashMap<>();
    private final Database database;
    private final JdbcClient jdbc;
    private final Pipeline pipeline = Pipeline.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    /**
     * @param credentials   credential reference to HubSpot token, for the extractor
     * @param apiKeys       API key to organization, for the API
     * @param extra         further settings for every stage
     */
    E2ePipeline(String name, String hubspotBaseUrl, Map<String, String> credentials, Map<String, String> apiKeys,
                Map<String, String> extra) {
        this.name = name;
        E2eInfrastructure infrastructure = E2eInfrastructure.get();
        this.database = infrastructure.newDatabase(name.replace('-', '_'));
        this.jdbc = E2eInfrastructure.jdbc(database);
        Map<String, String> properties = new LinkedHashMap<>();
        TOPICS.forEach(topic -> {
            topics.put(topic, name + "." + topic);
            properties.put("etl.topics." + topic, name + "." + topic);
        });
        properties.put("etl.topic-defaults.partitions", "3");
        properties.put("etl.extractor.checkpoint-topic", name + ".extractor-checkpoints");
        properties.put("etl.extractor.group-id", name + "-extractor");
        properties.put("etl.extractor.transactional-id-prefix", name + "-extractor-");
        properties.put("etl.transformer.application-id", name + "-transformer");
        properties.put("etl.loader.deals-group-id", name + "-loader");
        properties.put("etl.loader.scans-group-id", name + "-loader-scans");
        properties.put("etl.hubspot.base-url", hubspotBaseUrl);
        // Short backoffs: the fault tests retry many times on a shared, loaded machine.
        properties.put("etl.hubspot.retry.base-backoff", "50ms");
        properties.put("etl.hubspot.retry.max-backoff", "1s");
        credentials.forEach((ref, token) -> properties.put("etl.hubspot.credentials." + ref, token));
        apiKeys.forEach((key, org) -> properties.put("etl.api.keys[" + key + "]", org));
        properties.putAll(extra);
        Map.Entry<String, String> firstKey = apiKeys.entrySet().iterator().next();
        StageConfiguration configuration = new StageConfiguration(properties,
                Optional.of(infrastructure.bootstrapServers()), Optional.of(database), Optional.empty(), true,
                infrastructure.newDirectory(name), 0, firstKey.getKey(), firstKey.getValue());
        try {
            pipeline.start(configuration, UserConfiguration.load(properties, Map.of()), Pipeline.Listener.QUIET);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        this.api = URI.create("http://127.0.0.1:" + pipeline.apiPort());
    }

    String topic(String role) {
        return topics.get(role);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    HttpResponse<String> post(String apiKey, String path, String json) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("X-API-Key", apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String apiKey, String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("X-API-Key", apiKey).GET().build());
    }

    /** Submits a scan through the API and checks that it was accepted. */
    void submit(String apiKey, String scanId, String credentialRef, int batchSize, String moreJson) {
        String body = "{\"scan_id\":\"" + scanId + "\",\"credential_ref\":\"" + credentialRef
                + "\",\"batch_size\":" + batchSize + (moreJson.isEmpty() ? "" : "," + moreJson) + "}";
        HttpResponse<String> response = post(apiKey, "/api/v1/scans", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The scan_jobs row of {@code scanId} once the scan is finished (completed, failed or cancelled). */
    Map<String, Object> awaitFinished(String scanId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> FINISHED.contains(status(scanId)));
        return scanRow(scanId);
    }

    String status(String scanId) {
        return jdbc.sql("SELECT status FROM scan_jobs WHERE scan_id = ?").param(scanId)
                .query(String.class).optional().orElse(null);
    }

    Map<String, Object> scanRow(String scanId) {
        return jdbc.sql("""
                        SELECT status, organization_id, total_items, processed_items, failed_items, success_rate,
                               error_message, started_at IS NOT NULL AS started, completed_at IS NOT NULL AS completed
                        FROM scan_jobs WHERE scan_id = ?""")
                .param(scanId).query().singleRow();
    }

    /** Every record of a topic up to its end offsets, as a read_committed consumer sees them. */
    List<ConsumerRecord<String, byte[]>> readCommitted(String role) {
        return CommittedRecords.read(E2eInfrastructure.get().bootstrapServers(), topic(role));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /** Closes the parts a test class started, in this order, skipping those that never started. */
    static void closeAll(AutoCloseable... parts) throws Exception {
        for (AutoCloseable part : parts) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Override
    public String toString() {
        return "E2ePipeline[" + name + "]";
    }
}
