package dev.hubspotetl.transformer.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text columns. HubSpot sends every property as a string, where {@code ""} and {@code null} mean
 * absent. PostgreSQL's VARCHAR(n) counts characters, so values are cut at n code points, never
 * inside a surrogate pair; NUL characters are dropped because PostgreSQL text cannot hold them.
 */
final class TextValues {

    /** Max length of an unbounded TEXT column. */
    static final int UNBOUNDED = -1;

    private TextValues() {
    }

    /** The node as text cut to {@code maxLength} code points, or null if absent or not a scalar. */
    static String text(JsonNode node, int maxLength) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            // an object or array in a text column cannot be typed; raw_properties keeps it
            return null;
        }
        String value = withoutNul(node.asText());
        return value.isEmpty() ? null : truncate(value, maxLength);
    }

    static String truncate(String value, int maxLength) {
        if (maxLength == UNBOUNDED || value.length() <= maxLength) {
            return value; // a String never has more code points than chars
        }
        if (value.codePointCount(0, value.length()) <= maxLength) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxLength));
    }

    static String withoutNul(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    /** Whether the node is absent the way HubSpot says absent: missing, null or "". */
    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
                || (node.isTextual() && node.textValue().isEmpty());
    }
}
