package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the answers of one page fetched in several requests (one per chunk of properties) into one
 * body. The first answer is the page: its deals, their order, its paging and everything else stay as
 * they are; the other answers only add the properties they carry to the same deal ids. A single
 * answer is returned byte for byte.
 */
public final class PageMerger {

    private PageMerger() {
    }

    public static HubSpotPage merge(List<HubSpotPage> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ObjectNode merged = parts.get(0).json().deepCopy();
        Map<String, ObjectNode> propertiesById = new HashMap<>();
        for (JsonNode deal : merged.path("results")) {
            if (deal.path("properties").isObject()) {
                propertiesById.put(deal.path("id").asText(), (ObjectNode) deal.get("properties"));
            }
        }
        for (HubSpotPage part : parts.subList(1, parts.size())) {
            for (JsonNode deal : part.json().path("results")) {
                ObjectNode target = propertiesById.get(deal.path("id").asText());
                // A deal only the later request saw (created between the two) belongs to another page.
                if (target != null) {
                    deal.path("properties").properties().forEach(field -> {
                        if (!target.has(field.getKey())) {
                            target.set(field.getKey(), field.getValue());
                        }
                    });
                }
            }
        }
        try {
            return new HubSpotPage(HubSpotJson.MAPPER.writeValueAsString(merged), merged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a merged page", e);
        }
    }
}
