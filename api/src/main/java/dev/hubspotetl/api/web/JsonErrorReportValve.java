package dev.hubspotetl.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's error page, for the requests Tomcat refuses before Spring sees them (a malformed URI, an
 * oversized header...), written as the API's one error body instead of Tomcat's HTML.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        // Reason phrases and codes are plain ASCII words: nothing to escape.
        String body = "{\"error_code\":\"" + ErrorCodes.forStatus(HttpStatusCode.valueOf(status))
                + "\",\"message\":\"" + (known == null ? "Request failed" : known.getReasonPhrase())
                + "\",\"details\":[]}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response cannot take a body any more: nothing left to tell.
        }
    }
}
