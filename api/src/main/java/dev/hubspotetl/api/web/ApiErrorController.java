package dev.hubspotetl.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel /error so that errors raised outside Spring MVC (the servlet container
 * refusing a request, a filter failing) carry the same body as every other error.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value && value >= 400 ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        String message = known == null ? "Request failed" : known.getReasonPhrase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(ErrorCodes.forStatus(status), message));
    }
}
