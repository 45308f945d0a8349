package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One successful answer: the body exactly as HubSpot sent it, what a scan reads from it, and its
 * parsed tree. An answer read from the wire is outlined in one streaming pass over its bytes; the
 * tree, which only merging split requests and the property list need, is built on first use.
 * Not for sharing between threads.
 */
public final class HubSpotPage {

    private static final int MAX_STRING_LENGTH =
            HubSpotJson.MAPPER.getFactory().streamReadConstraints().getMaxStringLength();

    private final String body;
    private final byte[] utf8;
    private final PageOutline outline;
    private JsonNode json;

    /** A page whose tree is known: a merged page, or one written by hand. */
    public HubSpotPage(String body, JsonNode json) {
        this(body, null, null, json);
    }

    private HubSpotPage(String body, byte[] utf8, PageOutline outline, JsonNode json) {
        this.body = body;
        this.utf8 = utf8;
        this.outline = outline;
        this.json = json;
    }

    /**
     * The page of a 200 answer's body.
     *
     * @throws IOException if the body is not a JSON object, with the message reading it as text gives
     */
    static HubSpotPage read(byte[] bytes) throws IOException {
        // Decoded as the JDK's string body handler decodes: malformed bytes become U+FFFD.
        String body = new String(bytes, StandardCharsets.UTF_8);
        PageOutline outline = null;
        // Only a body that starts as HubSpot's do is read from its bytes: one with a byte order mark
        // or zeros (which Jackson would take for UTF-16 or -32), or a string value long enough to break
        // the parser's length limit, is read as text, as it always was.
        if (bytes.length > 1 && bytes[0] == '{' && bytes[1] != 0 && bytes.length <= MAX_STRING_LENGTH) {
            try (JsonParser parser = HubSpotJson.MAPPER.getFactory().createParser(bytes)) {
                outline = PageOutline.scan(parser);
            } catch (IOException e) {
                outline = null; // judged below exactly as before, with the text's own error message
            }
        }
        if (outline != null) {
            // Bytes that decoded without a replacement are the body's exact UTF-8 form.
            return new HubSpotPage(body, body.indexOf('\uFFFD') < 0 ? bytes : null, outline, null);
        }
        JsonNode json = HubSpotJson.MAPPER.readTree(body);
        if (json == null || !json.isObject()) {
            throw new IOException("the body is not a JSON object");
        }
        return new HubSpotPage(body, json);
    }

    /** The response body, verbatim. */
    public String body() {
        return body;
    }

    /**
     * The body's UTF-8 bytes as they came over the wire, or null when they are not at hand (a merged
     * page, or a body that did not decode cleanly). Shared, not copied: never modify it.
     */
    public byte[] utf8Body() {
        return utf8;
    }

    /** The body parsed (a JSON object). */
    public JsonNode json() {
        if (json == null) {
            try {
                json = utf8 != null ? HubSpotJson.MAPPER.readTree(utf8) : HubSpotJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("A page that was read once no longer parses", e);
            }
        }
        return json;
    }

    /** Deals in {@code results}. */
    public int resultCount() {
        return outline != null ? outline.resultCount() : json().path("results").size();
    }

    /** The id of the last deal in {@code results}; call it only when there is one. */
    public String lastResultId() {
        if (outline != null) {
            return outline.lastResultId();
        }
        JsonNode results = json().path("results");
        return results.get(results.size() - 1).path("id").asText();
    }

    /** {@code paging.next.after}, or null on a last page. */
    public String nextAfter() {
        if (outline != null) {
            return outline.nextAfter();
        }
        JsonNode after = json().path("paging").path("next").path("after");
        return after.isMissingNode() || after.isNull() || after.asText().isEmpty() ? null : after.asText();
    }
}
