package dev.hubspotetl.api.deals;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The formats of a deals export. */
public enum ExportFormat {
    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF. */
    CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
    /** One JSON object per line, LF line ends. */
    NDJSON("ndjson", MediaType.APPLICATION_NDJSON);

    private final String parameterValue;
    private final MediaType mediaType;

    ExportFormat(String parameterValue, MediaType mediaType) {
        this.parameterValue = parameterValue;
        this.mediaType = mediaType;
    }

    public String parameterValue() {
        return parameterValue;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public static Optional<ExportFormat> of(String value) {
        return Arrays.stream(values()).filter(f -> f.parameterValue.equals(value)).findFirst();
    }
}
