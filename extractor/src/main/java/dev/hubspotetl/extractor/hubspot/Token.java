package dev.hubspotetl.extractor.hubspot;

/**
 * A HubSpot access token. It leaves this object only as the Authorization header of a request;
 * {@link #toString()} never shows it, so that no log line or exception message can carry it.
 */
public final class Token {

    private static final String REDACTED = "[redacted]";
    private final String value;

    Token(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a token must not be blank");
        }
        this.value = value.strip();
    }

    String authorizationHeader() {
        return "Bearer " + value;
    }

    /** The text with every occurrence of the token replaced, for messages built from HubSpot's answers. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return "Token" + REDACTED;
    }
}
