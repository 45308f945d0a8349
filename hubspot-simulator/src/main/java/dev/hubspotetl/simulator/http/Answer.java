package dev.hubspotetl.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer, built before anything is sent, so that a fault can still cut or corrupt it.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header
 * @param body        the body bytes
 * @param dealsServed deals in the body, for the throughput counters
 * @param headers     extra headers (rate limit, correlation id); mutable until sent
 */
record Answer(int status, String contentType, byte[] body, int dealsServed, Map<String, String> headers) {

    static final String JSON = "application/json;charset=utf-8";
    static final String HTML = "text/html";

    static Answer json(int status, byte[] body) {
        return new Answer(status, JSON, body, 0, new LinkedHashMap<>());
    }

    static Answer deals(byte[] body, int dealsServed) {
        return new Answer(200, JSON, body, dealsServed, new LinkedHashMap<>());
    }

    static Answer html(int status, String body) {
        return new Answer(status, HTML, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                new LinkedHashMap<>());
    }
}
