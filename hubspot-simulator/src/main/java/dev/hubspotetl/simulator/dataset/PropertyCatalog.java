package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.PropertyDefinition;
import dev.hubspotetl.simulator.PropertyDefinition.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The deal properties every simulated portal defines: HubSpot's common ones plus a few custom ones. */
public final class PropertyCatalog {

    /** What HubSpot returns from list, get and search when the request names no properties. */
    public static final List<String> DEFAULT_PROPERTIES = List.of(
            "amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id",
            "pipeline");

    /** HubSpot adds these to every answer, whichever properties were asked for. */
    public static final List<String> ALWAYS_RETURNED = List.of("createdate", "hs_lastmodifieddate", "hs_object_id");

    /** The portal's own properties, the ones a loader must keep in {@code raw_properties}. */
    public static final List<String> CUSTOM_PROPERTIES = List.of(
            "contract_tier", "is_strategic", "legacy_crm_id", "region_code", "renewal_date", "seats_purchased");

    private static final List<PropertyDefinition> DEFINITIONS = build();
    private static final Map<String, PropertyDefinition> BY_NAME = DEFINITIONS.stream()
            .collect(Collectors.toUnmodifiableMap(PropertyDefinition::name, Function.identity()));

    private PropertyCatalog() {
    }

    public static List<PropertyDefinition> definitions() {
        return DEFINITIONS;
    }

    public static Optional<PropertyDefinition> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isDefined(String name) {
        return BY_NAME.containsKey(name);
    }

    private static List<PropertyDefinition> build() {
        List<PropertyDefinition> all = new ArrayList<>();
        String info = "dealinformation";
        all.add(hubspot("amount", "Amount", "number", "number", info, false));
        all.add(hubspot("closedate", "Close Date", "datetime", "date", info, false));
        all.add(hubspot("createdate", "Create Date", "datetime", "date", info, false));
        all.add(hubspot("days_to_close", "Days to close", "number", "number", info, true));
        all.add(hubspot("dealname", "Deal Name", "string", "text", info, false));
        all.add(enumeration("dealstage", "Deal Stage", info, false, Pipelines.allStages()
                .map(stage -> new Option(stage.label(), stage.id(), 0)).toList()));
        all.add(enumeration("dealtype", "Deal Type", info, false, List.of(
                new Option("New Business", "newbusiness", 0), new Option("Existing Business", "existingbusiness", 1))));
        all.add(hubspot("description", "Deal Description", "string", "textarea", info, false));
        all.add(enumeration("hs_analytics_source", "Original Source Type", "analyticsinformation", true,
                MessyValues.ANALYTICS_SOURCES.stream().map(source -> new Option(source, source, 0)).toList()));
        all.add(hubspot("hs_deal_stage_probability", "Deal Stage Probability", "number", "number", info, true));
        all.add(hubspot("hs_forecast_amount", "Forecast Amount", "number", "number", info, true));
        all.add(hubspot("hs_forecast_probability", "Forecast Probability", "number", "number", info, false));
        all.add(new PropertyDefinition("hs_is_closed", "Is Deal Closed?", "bool", "booleancheckbox", info, "",
                true, true, false, 0, booleanOptions()));
        all.add(hubspot("hs_lastmodifieddate", "Last Modified Date", "datetime", "date", info, true));
        all.add(hubspot("hs_next_step", "Next step", "string", "textarea", info, false));
        all.add(new PropertyDefinition("hs_object_id", "Record ID", "number", "number", info, "",
                false, true, true, 0, List.of()));
        all.add(enumeration("hs_priority", "Priority", info, false, List.of(
                new Option("Low", "low", 0), new Option("Medium", "medium", 1), new Option("High", "high", 2))));
        all.add(enumeration("hubspot_owner_id", "Deal owner", info, false, MessyValues.OWNER_IDS.stream()
                .map(owner -> new Option("Owner " + owner, owner, 0)).toList()));
        all.add(hubspot("num_associated_contacts", "Number of Associated Contacts", "number", "number", info, true));
        all.add(enumeration("pipeline", "Pipeline", info, false, Pipelines.ALL.stream()
                .map(pipeline -> new Option(pipeline.label(), pipeline.id(), 0)).toList()));

        String custom = "deal_custom_fields";
        all.add(custom(enumeration("contract_tier", "Contract tier", custom, false, List.of(
                new Option("Gold", "gold", 0), new Option("Silver", "silver", 1), new Option("Bronze", "bronze", 2)))));
        all.add(new PropertyDefinition("is_strategic", "Strategic account", "bool", "booleancheckbox", custom, "",
                false, false, false, 0, booleanOptions()));
        all.add(custom(hubspot("legacy_crm_id", "Legacy CRM ID", "string", "text", custom, false)));
        all.add(custom(hubspot("region_code", "Region", "string", "text", custom, false)));
        all.add(custom(hubspot("renewal_date", "Renewal date", "date", "date", custom, false)));
        all.add(custom(hubspot("seats_purchased", "Seats purchased", "number", "number", custom, false)));

        List<PropertyDefinition> ordered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PropertyDefinition p = all.get(i);
            ordered.add(new PropertyDefinition(p.name(), p.label(), p.type(), p.fieldType(), p.groupName(),
                    p.description(), p.calculated(), p.hubspotDefined(), p.hasUniqueValue(), i, p.options()));
        }
        return List.copyOf(ordered);
    }

    private static PropertyDefinition hubspot(String name, String label, String type, String fieldType,
                                              String group, boolean calculated) {
        return new PropertyDefinition(name, label, type, fieldType, group, "", calculated, true, false, 0, List.of());
    }

    private static PropertyDefinition enumeration(String name, String label, String group, boolean calculated,
                                                  List<Option> options) {
        List<Option> numbered = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            numbered.add(new Option(options.get(i).label(), options.get(i).value(), i));
        }
        return new PropertyDefinition(name, label, "enumeration", "select", group, "", calculated, true, false, 0,
                numbered);
    }

    private static PropertyDefinition custom(PropertyDefinition p) {
        return new PropertyDefinition(p.name(), p.label(), p.type(), p.fieldType(), p.groupName(), p.description(),
                false, false, false, 0, p.options());
    }

    private static List<Option> booleanOptions() {
        return List.of(new Option("Yes", "true", 0), new Option("No", "false", 1));
    }
}
