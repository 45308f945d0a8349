package dev.hubspotetl.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A request's query string. Values of a repeated key and comma-separated values both count. */
final class QueryParameters {

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    /** The first value of a key, or null. */
    String first(String key) {
        List<String> found = values.get(key);
        return found == null || found.isEmpty() ? null : found.get(0);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Every value of a repeated and comma-separated key, trimmed, without blanks. */
    List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String value : values.getOrDefault(key, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%' is read literally rather than failing the call
        }
    }
}
