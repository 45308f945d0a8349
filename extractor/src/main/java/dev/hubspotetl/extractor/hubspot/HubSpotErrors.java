package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an error answer into HubSpot's own words: the JSON {@code message}, or the title of an edge proxy's page. */
final class HubSpotErrors {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_TEXT = 300;

    private HubSpotErrors() {
    }

    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode json = HubSpotJson.MAPPER.readTree(trimmed);
                String message = json.path("message").asText("");
                String correlation = json.path("correlationId").asText("");
                if (!message.isEmpty()) {
                    return correlation.isEmpty() ? message : message + " (correlationId " + correlation + ")";
                }
            } catch (java.io.IOException e) {
                // not JSON after all: fall through to the text
            }
        }
        Matcher title = TITLE.matcher(trimmed);
        if (title.find()) {
            return title.group(1).strip() + " (HTML answer, not from the HubSpot API itself)";
        }
        return trimmed.length() <= MAX_TEXT ? trimmed : trimmed.substring(0, MAX_TEXT) + "...";
    }
}
