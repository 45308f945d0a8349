package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One request of {@code POST /crm/v3/objects/deals/search}: deals modified at or after {@code since},
 * sorted by {@code hs_object_id}, above {@code floorId}. Paging by the id floor instead of the
 * offset cursor means no query ever reaches HubSpot's 10,000-result cap, a deal archived mid-scan
 * shifts nothing, and any number of deals sharing one modification instant pass in id order.
 *
 * @param sinceMillis hs_lastmodifieddate lower bound, inclusive, epoch milliseconds
 * @param floorId     return only ids above this one; null for the first page
 * @param properties  the properties to return
 * @param limit       deals per page
 */
public record SearchQuery(long sinceMillis, String floorId, List<String> properties, int limit) {

    public SearchQuery {
        properties = List.copyOf(properties);
    }

    public String body() {
        ObjectNode root = HubSpotJson.MAPPER.createObjectNode();
        ArrayNode filters = root.putArray("filterGroups").addObject().putArray("filters");
        filters.addObject().put("propertyName", "hs_lastmodifieddate").put("operator", "GTE")
                .put("value", Long.toString(sinceMillis));
        if (floorId != null) {
            filters.addObject().put("propertyName", "hs_object_id").put("operator", "GT").put("value", floorId);
        }
        root.putArray("sorts").addObject().put("propertyName", "hs_object_id").put("direction", "ASCENDING");
        ArrayNode names = root.putArray("properties");
        properties.forEach(names::add);
        root.put("limit", limit);
        try {
            return HubSpotJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a search body", e);
        }
    }

    /** Length of the body without any property: what every chunk of properties adds to. */
    public int fixedLength() {
        return new SearchQuery(sinceMillis, floorId, List.of(), limit).body().length();
    }

    /** What one property adds to the body: its quoted name and a comma. */
    public static int cost(String property) {
        return property.length() + 3;
    }
}
