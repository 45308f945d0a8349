package dev.hubspotetl.api.web;

import dev.hubspotetl.api.kafka.PublishFailedException;
import dev.hubspotetl.api.scans.ScanNotFoundException;
import dev.hubspotetl.api.scans.ScanStateException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every exception a controller lets out into the API's one error body. Spring MVC's own
 * exceptions (unknown route, wrong method, wrong content type, unreadable body...) keep the status and
 * headers (Allow, Accept) Spring gives them; only their body is replaced.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return answer(HttpStatus.BAD_REQUEST, new ApiError("VALIDATION_FAILED", e.getMessage(), e.details()), null);
    }

    @ExceptionHandler(ScanNotFoundException.class)
    ResponseEntity<Object> notFound(ScanNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ApiError.of("SCAN_NOT_FOUND", e.getMessage()), null);
    }

    @ExceptionHandler(ScanStateException.class)
    ResponseEntity<Object> state(ScanStateException e) {
        HttpStatus status = e.reason() == ScanStateException.Reason.SCAN_FINISHED ? HttpStatus.BAD_REQUEST
                : HttpStatus.CONFLICT;
        return answer(status, ApiError.of(e.reason().name(), e.getMessage()), null);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<Object> kafkaDown(PublishFailedException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of("KAFKA_UNAVAILABLE",
                e.getMessage() + "; nothing was started or changed, retry later"), null);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<Object> databaseDown(RuntimeException e) {
        log.warn("Database unavailable", e);
        return answer(HttpStatus.SERVICE_UNAVAILABLE,
                ApiError.of("DATABASE_UNAVAILABLE", "The database is unavailable; retry later"), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // Mid-stream (an export whose client went away, or whose database did): the status is sent
            // already; the connection ends without the closing chunk, so the client sees a cut body.
            log.warn("{} {} failed after its answer had begun: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                ApiError.of("INTERNAL_ERROR", "Unexpected error; it has been logged"), null);
    }

    /** Spring MVC's own exceptions, with the status and headers it chose. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        return answer(status, describe(ex, status), headers);
    }

    private static ApiError describe(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            return ApiError.of("UNSUPPORTED_MEDIA_TYPE", "Content type '" + unsupported.getContentType()
                    + "' is not supported; send " + unsupported.getSupportedMediaTypes());
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return ApiError.of("METHOD_NOT_ALLOWED", "Method " + method.getMethod() + " is not allowed here; allowed: "
                    + String.join(", ", method.getSupportedMethods() == null ? new String[0]
                    : method.getSupportedMethods()));
        }
        if (ex instanceof NoResourceFoundException missing) {
            String path = missing.getResourcePath().startsWith("/") ? missing.getResourcePath()
                    : "/" + missing.getResourcePath();
            return ApiError.of("NOT_FOUND", "No such route: " + missing.getHttpMethod() + " " + path);
        }
        if (ex instanceof MissingServletRequestParameterException param) {
            return new ApiError("VALIDATION_FAILED", "A required parameter is missing",
                    List.of(new ApiError.Detail(param.getParameterName(), "is required")));
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return new ApiError("VALIDATION_FAILED", "A parameter has the wrong type",
                    List.of(new ApiError.Detail(mismatch.getName(), "has the wrong type")));
        }
        return ApiError.of(ErrorCodes.forStatus(status), HttpStatus.resolve(status.value()) == null
                ? "Request failed" : HttpStatus.resolve(status.value()).getReasonPhrase());
    }

    private static ApiError unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new ApiError("MALFORMED_REQUEST", "The request body is not valid JSON" + where,
                    List.of(new ApiError.Detail(null, json.getOriginalMessage())));
        }
        return ApiError.of("MALFORMED_REQUEST", "The request body is missing or unreadable");
    }

    /**
     * The content type is set here so that the error body is written as JSON whatever the client's
     * Accept header asked for (a CSV export's 404 is still a JSON error).
     */
    private static ResponseEntity<Object> answer(HttpStatusCode status, ApiError error, HttpHeaders headers) {
        HttpHeaders answerHeaders = headers == null ? new HttpHeaders() : HttpHeaders.copyOf(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(error, answerHeaders, status);
    }
}
