package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubspotetl.extractor.config.HubSpotProperties.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HubSpot's CRM v3 deals API over the JDK HTTP client. Every call waits for the credential's
 * {@link RateGovernor}; 429s wait as HubSpot says, 5xx answers, timeouts, dropped connections and
 * malformed bodies are retried with backoff up to {@code max-attempts}, 401/403 fail at once. The
 * token goes into the Authorization header and nowhere else.
 */
public final class HubSpotClient {

    private static final Logger log = LoggerFactory.getLogger(HubSpotClient.class);

    private final HttpClient http;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final Retry retry;
    private final Backoff backoff;
    private final Governors governors;
    private final HubSpotMetrics metrics;

    public HubSpotClient(HttpClient http, URI baseUrl, Duration requestTimeout, Retry retry, Backoff backoff,
                         Governors governors, HubSpotMetrics metrics) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.backoff = backoff;
        this.governors = governors;
        this.metrics = metrics;
    }

    /** Names of every deal property the portal defines, custom ones included. */
    public List<String> dealPropertyNames(Credential credential, StopSignal stop) {
        HubSpotPage page = get(credential, "/crm/v3/properties/deals?archived=false", "properties", stop);
        List<String> names = new ArrayList<>();
        for (JsonNode property : page.json().path("results")) {
            String name = property.path("name").asText("");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** A GET of {@code pathAndQuery}; {@code endpoint} names it in metrics and messages. */
    public HubSpotPage get(Credential credential, String pathAndQuery, String endpoint, StopSignal stop) {
        HttpRequest request = request(credential, pathAndQuery).GET().build();
        return call(credential, request, "GET " + path(pathAndQuery), endpoint, false, stop);
    }

    /** {@code POST /crm/v3/objects/deals/search} with a JSON body. */
    public HubSpotPage searchDeals(Credential credential, String body, StopSignal stop) {
        String path = "/crm/v3/objects/deals/search";
        HttpRequest request = request(credential, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return call(credential, request, "POST " + path, "search", true, stop);
    }

    private HttpRequest.Builder request(Credential credential, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", credential.token().authorizationHeader());
    }

    private HubSpotPage call(Credential credential, HttpRequest request, String what, String endpoint,
                             boolean search, StopSignal stop) {
        RateGovernor governor = governors.forCredential(credential.ref());
        int attempt = 0;
        int rateLimited = 0;
        while (true) {
            attempt++;
            long waitStart = System.nanoTime();
            RateGovernor.Permit permit = governor.acquire(search, stop);
            long start = System.nanoTime();
            metrics.waited(start - waitStart);
            HttpResponse<byte[]> response;
            try {
                // Bytes, not a String: a page is parsed from them and its String is made once, in HubSpotPage.
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                governor.completed(permit, RateLimitHeaders.NONE);
                String reason = e instanceof HttpTimeoutException ? "timeout" : "connection";
                metrics.answered(endpoint, reason, System.nanoTime() - start);
                String problem = (e instanceof HttpTimeoutException ? "no answer within " + requestTimeout
                        : "connection failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                retryOrFail(credential, what, endpoint, reason, attempt, null, problem, e, stop);
                continue;
            } catch (InterruptedException e) {
                governor.completed(permit, RateLimitHeaders.NONE);
                Thread.currentThread().interrupt();
                throw new ScanStoppedException();
            }
            int status = response.statusCode();
            metrics.answered(endpoint, Integer.toString(status), System.nanoTime() - start);
            RateLimitHeaders headers = RateLimitHeaders.from(response.headers());
            if (status == 429) {
                governor.rateLimited(permit, headers);
                metrics.rateLimited(credential.ref());
                if (++rateLimited > retry.maxRateLimitRetries()) {
                    throw new HubSpotFailure(429, credential.token().redact("HubSpot kept answering 429 to " + what
                            + " for credential '" + credential.ref() + "' after " + retry.maxRateLimitRetries()
                            + " waits: " + HubSpotErrors.message(text(response))), null);
                }
                log.debug("HubSpot answered 429 to {}; waiting as its headers say ({})", what, headers);
                attempt--; // a 429 is waited out, not counted as a failed attempt
                continue;
            }
            governor.completed(permit, headers);
            if (status == 200) {
                try {
                    return HubSpotPage.read(response.body());
                } catch (IOException e) {
                    retryOrFail(credential, what, endpoint, "malformed", attempt, 200,
                            "HubSpot returned a malformed JSON body (" + e.getMessage() + ")", e, stop);
                    continue;
                }
            }
            String message = credential.token().redact(HubSpotErrors.message(text(response)));
            if (status == 401 || status == 403) {
                throw new HubSpotFailure(status, "HubSpot rejected credential '" + credential.ref() + "' (HTTP "
                        + status + ") on " + what + ": " + message, null);
            }
            if (status == 414) {
                throw new UriTooLongException(request.uri().getRawPath().length()
                        + (request.uri().getRawQuery() == null ? 0 : request.uri().getRawQuery().length() + 1));
            }
            if (status >= 500) {
                retryOrFail(credential, what, endpoint, "http-" + status, attempt, status,
                        "HTTP " + status + ": " + message, null, stop);
                continue;
            }
            throw new HubSpotFailure(status, "HubSpot answered HTTP " + status + " to " + what + ": " + message, null);
        }
    }

    private void retryOrFail(Credential credential, String what, String endpoint, String reason, int attempt,
                             Integer status, String problem, Exception cause, StopSignal stop) {
        String safeProblem = credential.token().redact(problem);
        if (attempt >= retry.maxAttempts()) {
            throw new HubSpotFailure(status, "HubSpot " + what + " failed after " + attempt + " attempts; last: "
                    + safeProblem, cause);
        }
        metrics.retried(endpoint, reason);
        Duration pause = backoff.delay(attempt);
        log.debug("HubSpot {} failed (attempt {} of {}): {}; retrying in {}", what, attempt, retry.maxAttempts(),
                safeProblem, pause);
        Pauses.sleep(pause, stop);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String path(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
