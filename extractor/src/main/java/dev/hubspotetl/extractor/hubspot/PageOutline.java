package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The three things a scan reads from a page, taken in one streaming pass instead of a tree: the
 * number of {@code results}, the last result's {@code id} and {@code paging.next.after}. Everything
 * else is skipped token by token, which still checks the syntax of the whole body.
 *
 * <p>It answers only for the shape HubSpot sends; for anything else (results that are not an array
 * of objects, a non-text id or cursor, a float anywhere, which the tree would turn into a BigDecimal
 * and could refuse) it answers {@code null} and the caller reads the tree, so that every odd body
 * is judged exactly as before. A repeated name counts as the tree counts it: the last one wins.
 *
 * @param resultCount  deals in {@code results}
 * @param lastResultId the last deal's id, "" if it has none, null if there is no deal
 * @param nextAfter    {@code paging.next.after}, null if missing, null or empty
 */
record PageOutline(int resultCount, String lastResultId, String nextAfter) {

    /** Reads the root object under {@code parser}; null if the body is not of the usual shape. */
    static PageOutline scan(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int count = 0;
        String lastId = null;
        String after = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("results".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    return null;
                }
                count = 0;
                lastId = null;
                for (JsonToken deal = parser.nextToken(); deal != JsonToken.END_ARRAY; deal = parser.nextToken()) {
                    lastId = dealId(parser, deal);
                    if (lastId == null) {
                        return null;
                    }
                    count++;
                }
            } else if ("paging".equals(name)) {
                Cursor cursor = pagingAfter(parser, value);
                if (cursor == null) {
                    return null;
                }
                after = cursor.after();
            } else if (!skip(parser, value)) {
                return null;
            }
        }
        return new PageOutline(count, lastId, after);
    }

    // A deal's id ("" without one, as the tree's path("id").asText() gives), null if the deal is unusual.
    private static String dealId(JsonParser parser, JsonToken deal) throws IOException {
        if (deal != JsonToken.START_OBJECT) {
            return null;
        }
        String id = "";
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(name)) {
                if (value != JsonToken.VALUE_STRING) {
                    return null;
                }
                id = parser.getText();
            } else if (!skip(parser, value)) {
                return null;
            }
        }
        return id;
    }

    /** The cursor found in {@code paging}, null inside when there is none. */
    private record Cursor(String after) {
    }

    private static Cursor pagingAfter(JsonParser parser, JsonToken paging) throws IOException {
        if (paging != JsonToken.START_OBJECT) {
            return null;
        }
        String after = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("next".equals(name)) {
                if (value != JsonToken.START_OBJECT) {
                    return null;
                }
                after = null;
                for (JsonToken field = parser.nextToken(); field != JsonToken.END_OBJECT; field = parser.nextToken()) {
                    String fieldName = parser.currentName();
                    JsonToken fieldValue = parser.nextToken();
                    if ("after".equals(fieldName)) {
                        if (fieldValue == JsonToken.VALUE_STRING) {
                            after = parser.getText().isEmpty() ? null : parser.getText();
                        } else if (fieldValue == JsonToken.VALUE_NULL) {
                            after = null;
                        } else {
                            return null;
                        }
                    } else if (!skip(parser, fieldValue)) {
                        return null;
                    }
                }
            } else if (!skip(parser, value)) {
                return null;
            }
        }
        return new Cursor(after);
    }

    // Skips the value that starts at {@code first}; false if it holds a float.
    private static boolean skip(JsonParser parser, JsonToken first) throws IOException {
        if (first == JsonToken.VALUE_NUMBER_FLOAT) {
            return false;
        }
        if (!first.isStructStart()) {
            return true;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("the body ends inside a value");
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return false;
            }
        }
        return true;
    }
}
