package dev.hubspotetl.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.simulator.limits.RateLimiter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** HubSpot's error answers: JSON from the API itself, HTML from the edge proxy in front of it. */
final class ErrorBodies {

    static final String AUTH_MESSAGE = "Authentication credentials not found. This API supports OAuth 2.0 "
            + "authentication and you can find more details at "
            + "https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    private final ObjectMapper json;

    ErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    /** A correlation id; random UUIDs are what HubSpot sends, and SecureRandom would only slow us down. */
    static String correlationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The standard body: {@code status, message, correlationId, category}. */
    Answer error(int status, String message, String category, String correlationId) {
        ObjectNode body = json.createObjectNode()
                .put("status", "error")
                .put("message", message)
                .put("correlationId", correlationId)
                .put("category", category);
        return Answer.json(status, bytes(body));
    }

    Answer unauthorized(String correlationId) {
        return error(401, AUTH_MESSAGE, "INVALID_AUTHENTICATION", correlationId);
    }

    Answer badRequest(String message, String correlationId) {
        return error(400, message, "VALIDATION_ERROR", correlationId);
    }

    Answer notFound(String message, String correlationId) {
        return error(404, message, "OBJECT_NOT_FOUND", correlationId);
    }

    /** The 429 body; it carries {@code errorType} and {@code policyName} instead of {@code category}. */
    Answer rateLimited(RateLimiter.Policy policy, String correlationId) {
        ObjectNode body = json.createObjectNode()
                .put("status", "error")
                .put("message", policy.message())
                .put("errorType", "RATE_LIMIT")
                .put("correlationId", correlationId)
                .put("policyName", policy.name());
        return Answer.json(429, bytes(body));
    }

    static Answer edgePage(int status, String reason) {
        return Answer.html(status, "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n"
                + "<center><h1>" + status + " " + reason + "</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
                + "</body>\r\n</html>\r\n");
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an error body", e);
        }
    }
}
