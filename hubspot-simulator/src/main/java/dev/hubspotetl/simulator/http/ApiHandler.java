package dev.hubspotetl.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.faults.FaultInjector;
import dev.hubspotetl.simulator.limits.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every request goes through HubSpot's layers in HubSpot's order: the edge (414), routing (404,
 * 405), authentication (401), the rate limiter (429), then the API, where injected faults strike.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    /** Everything the handler needs besides the endpoints; runtime-settable parts are suppliers. */
    record Settings(String token, int maxUrlLength, String fallbackBaseUrl, Supplier<Duration> slowAnswerDelay,
                    Supplier<Boolean> mutateBetweenPages) {
    }

    private record Handled(Answer answer, FaultKind fault) {
    }

    private final Settings settings;
    private final byte[] expectedAuthorization;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final DealEndpoints deals;
    private final SearchEndpoint search;
    private final ErrorBodies errors;
    private final StatsRecorder stats;
    private final Runnable afterDealPage;

    ApiHandler(Settings settings, RateLimiter limiter, FaultInjector faults, DealEndpoints deals, SearchEndpoint search,
               ErrorBodies errors, StatsRecorder stats, Runnable afterDealPage) {
        this.settings = settings;
        this.expectedAuthorization = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        this.limiter = limiter;
        this.faults = faults;
        this.deals = deals;
        this.search = search;
        this.errors = errors;
        this.stats = stats;
        this.afterDealPage = afterDealPage;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String correlationId = ErrorBodies.correlationId();
        Route.Match match = Route.match(exchange.getRequestURI().getRawPath());
        Handled handled;
        try {
            handled = respond(exchange, match, correlationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handled = new Handled(errors.error(503, "The simulator is shutting down", "SERVICE_UNAVAILABLE",
                    correlationId), null);
        } catch (RuntimeException e) {
            log.warn("Unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            handled = new Handled(errors.error(500, "internal error", "INTERNAL_ERROR", correlationId), null);
        }
        Answer answer = handled.answer();
        answer.headers().put("X-HubSpot-Correlation-Id", correlationId);
        boolean clean = handled.fault() == null || handled.fault() == FaultKind.SLOW;
        stats.answered(match.route().statsName(), answer.status(), clean ? answer.dealsServed() : 0);
        // The page is already rendered; changing the portal before sending it means a client that
        // has its page also sees the portal as it is between pages.
        if (clean && answer.status() == 200 && match.route().servesDealPages()
                && settings.mutateBetweenPages().get()) {
            afterDealPage.run();
        }
        AnswerSender.send(exchange, answer, handled.fault());
    }

    private Handled respond(HttpExchange exchange, Route.Match match, String correlationId)
            throws IOException, InterruptedException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        int targetLength = exchange.getRequestURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (targetLength > settings.maxUrlLength()) {
            return new Handled(ErrorBodies.edgePage(414, "Request-URI Too Large"), null);
        }
        Route route = match.route();
        if (route == Route.UNKNOWN) {
            return new Handled(errors.error(404, "Unable to route " + exchange.getRequestURI().getRawPath(),
                    "OBJECT_NOT_FOUND", correlationId), null);
        }
        if (!route.method().equalsIgnoreCase(exchange.getRequestMethod())) {
            Answer notAllowed = errors.error(405, "Method " + exchange.getRequestMethod() + " is not allowed here",
                    "VALIDATION_ERROR", correlationId);
            notAllowed.headers().put("Allow", route.method());
            return new Handled(notAllowed, null);
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Handled(errors.unauthorized(correlationId), null);
        }
        RateLimiter.Decision decision = limiter.acquire(settings.token(), route == Route.SEARCH);
        if (!decision.allowed()) {
            Answer refused = errors.rateLimited(decision.refusedBy(), correlationId);
            refused.headers().putAll(decision.headers());
            return new Handled(refused, null);
        }
        Optional<FaultKind> fault = faults.next();
        Answer answer;
        if (fault.isPresent() && isStatusFault(fault.get())) {
            answer = statusFault(fault.get(), correlationId);
        } else {
            if (fault.isPresent() && fault.get() == FaultKind.SLOW) {
                Thread.sleep(settings.slowAnswerDelay().get().toMillis());
            }
            answer = dispatch(exchange, match, rawQuery, correlationId);
        }
        answer.headers().putAll(decision.headers());
        fault.ifPresent(stats::fault);
        return new Handled(answer, fault.orElse(null));
    }

    private Answer dispatch(HttpExchange exchange, Route.Match match, String rawQuery, String correlationId)
            throws IOException {
        QueryParameters query = QueryParameters.parse(rawQuery);
        return switch (match.route()) {
            case LIST -> deals.list(query, rawQuery, baseUrl(exchange), correlationId);
            case GET -> deals.get(match.dealId(), query, correlationId);
            case PROPERTIES -> deals.properties(query);
            case SEARCH -> search.search(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    correlationId);
            case UNKNOWN -> throw new IllegalStateException("unrouted request reached dispatch");
        };
    }

    private boolean authorized(String header) {
        return header != null
                && MessageDigest.isEqual(expectedAuthorization, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isStatusFault(FaultKind kind) {
        return kind == FaultKind.HTTP_500 || kind == FaultKind.HTTP_502 || kind == FaultKind.HTTP_503
                || kind == FaultKind.HTTP_504;
    }

    private Answer statusFault(FaultKind kind, String correlationId) {
        return switch (kind) {
            case HTTP_500 -> errors.error(500, "internal error", "INTERNAL_ERROR", correlationId);
            case HTTP_502 -> ErrorBodies.edgePage(502, "Bad Gateway");
            case HTTP_503 -> errors.error(503, "Service Unavailable. Please retry in a few seconds.",
                    "SERVICE_UNAVAILABLE", correlationId);
            case HTTP_504 -> ErrorBodies.edgePage(504, "Gateway Time-out");
            default -> throw new IllegalArgumentException(kind + " is not a status fault");
        };
    }

    private String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? settings.fallbackBaseUrl() : "http://" + host;
    }
}
