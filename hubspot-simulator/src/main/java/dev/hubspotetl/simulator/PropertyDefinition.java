package dev.hubspotetl.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A deal property as {@code GET /crm/v3/properties/deals} describes it.
 *
 * @param name           internal name used in the API
 * @param label          name shown in HubSpot
 * @param type           one of {@code string, number, date, datetime, enumeration, bool}
 * @param fieldType      how HubSpot renders it: {@code text, textarea, number, date, select, booleancheckbox, ...}
 * @param groupName      the property group
 * @param description    help text
 * @param calculated     whether HubSpot computes the value
 * @param hubspotDefined true for HubSpot's own properties, false for the portal's custom ones
 * @param hasUniqueValue whether values must be unique across deals
 * @param displayOrder   position within the group
 * @param options        choices of an enumeration or bool property, empty otherwise
 */
public record PropertyDefinition(
        String name,
        String label,
        String type,
        String fieldType,
        String groupName,
        String description,
        boolean calculated,
        boolean hubspotDefined,
        boolean hasUniqueValue,
        int displayOrder,
        List<Option> options) {

    /** The property types HubSpot's reference lists. */
    public static final Set<String> TYPES = Set.of("string", "number", "date", "datetime", "enumeration", "bool");

    public PropertyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown property type '" + type + "' for " + name);
        }
        Objects.requireNonNull(fieldType, "fieldType");
        Objects.requireNonNull(groupName, "groupName");
        description = description == null ? "" : description;
        options = List.copyOf(options);
    }

    /** One choice of an enumeration or bool property. */
    public record Option(String label, String value, int displayOrder) {
    }
}
