package dev.hubspotetl.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.hubspotetl.simulator.FaultKind;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Sends an answer whole, or broken the way a body-level fault asks. */
final class AnswerSender {

    /**
     * Thrown on purpose after half a body: the JDK server closes the connection of a handler that
     * throws, which is exactly a connection dropped mid-body.
     */
    static final class Disconnect extends RuntimeException {
        Disconnect() {
            super("connection closed mid-body on purpose", null, false, false);
        }
    }

    private AnswerSender() {
    }

    static void send(HttpExchange exchange, Answer answer, FaultKind fault) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", answer.contentType());
        answer.headers().forEach(headers::set);
        byte[] body = answer.body();
        if (fault == FaultKind.DISCONNECT) {
            exchange.sendResponseHeaders(answer.status(), body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new Disconnect();
        }
        if (fault == FaultKind.MALFORMED_JSON) {
            // A proper prefix of a JSON object is never valid JSON: the closing brace is missing.
            body = Arrays.copyOf(body, Math.max(1, body.length / 2));
        }
        try (exchange) {
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
