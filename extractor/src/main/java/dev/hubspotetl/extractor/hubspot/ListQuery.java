package dev.hubspotetl.extractor.hubspot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request of {@code GET /crm/v3/objects/deals}.
 *
 * @param limit        deals per page, at most 100
 * @param archived     list the archived deals instead of the active ones
 * @param properties   the properties to return
 * @param associations also return each deal's contact associations
 * @param after        the paging cursor, null for the first page
 */
public record ListQuery(int limit, boolean archived, List<String> properties, boolean associations, String after) {

    public ListQuery {
        properties = List.copyOf(properties);
    }

    /** The request target (path and query), whose length HubSpot's edge limits. */
    public String pathAndQuery() {
        StringBuilder target = new StringBuilder(withoutProperties());
        if (!properties.isEmpty()) {
            target.append("&properties=");
            for (int i = 0; i < properties.size(); i++) {
                target.append(i == 0 ? "" : ",").append(encode(properties.get(i)));
            }
        }
        return target.toString();
    }

    /** Length of the request target without any property: what every chunk of properties adds to. */
    public int fixedLength() {
        return withoutProperties().length() + "&properties=".length();
    }

    /** What one property adds to the request target. */
    public static int cost(String property) {
        return encode(property).length() + 1;
    }

    private String withoutProperties() {
        StringBuilder target = new StringBuilder("/crm/v3/objects/deals?limit=").append(limit)
                .append("&archived=").append(archived);
        if (associations) {
            target.append("&associations=contacts");
        }
        if (after != null) {
            target.append("&after=").append(encode(after));
        }
        return target.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
