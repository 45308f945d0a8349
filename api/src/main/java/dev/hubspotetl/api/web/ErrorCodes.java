package dev.hubspotetl.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The error_code of an answer that has no more specific one, by HTTP status. */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static String forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        }
        return switch (known) {
            case BAD_REQUEST -> "BAD_REQUEST";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONFLICT -> "CONFLICT";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
            default -> known.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }
}
