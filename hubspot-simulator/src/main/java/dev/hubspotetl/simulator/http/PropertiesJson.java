package dev.hubspotetl.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.simulator.PropertyDefinition;

import java.util.List;

/** The body of {@code GET /crm/v3/properties/deals}, fields as HubSpot's properties reference lists them. */
final class PropertiesJson {

    private static final String HUBSPOT_CREATED = "2019-08-06T02:41:52.432Z";
    private static final String PORTAL_CREATED = "2023-02-01T09:30:00.000Z";

    private PropertiesJson() {
    }

    static byte[] render(ObjectMapper json, List<PropertyDefinition> definitions) {
        ObjectNode root = json.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (PropertyDefinition p : definitions) {
            String created = p.hubspotDefined() ? HUBSPOT_CREATED : PORTAL_CREATED;
            ObjectNode node = results.addObject()
                    .put("updatedAt", created)
                    .put("createdAt", created)
                    .put("name", p.name())
                    .put("label", p.label())
                    .put("type", p.type())
                    .put("fieldType", p.fieldType())
                    .put("description", p.description())
                    .put("groupName", p.groupName());
            ArrayNode options = node.putArray("options");
            p.options().forEach(o -> options.addObject()
                    .put("label", o.label())
                    .put("value", o.value())
                    .put("displayOrder", o.displayOrder())
                    .put("hidden", false));
            node.put("displayOrder", p.displayOrder())
                    .put("calculated", p.calculated())
                    .put("externalOptions", p.name().equals("hubspot_owner_id"))
                    .put("hasUniqueValue", p.hasUniqueValue())
                    .put("hidden", false)
                    .put("hubspotDefined", p.hubspotDefined())
                    .put("formField", !p.calculated())
                    .put("dataSensitivity", "non_sensitive");
            node.putObject("modificationMetadata")
                    .put("archivable", !p.hubspotDefined())
                    .put("readOnlyDefinition", p.hubspotDefined())
                    .put("readOnlyValue", p.calculated() || p.name().equals("hs_object_id"));
            node.put("archived", false);
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize property definitions", e);
        }
    }
}
