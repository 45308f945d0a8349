package dev.hubspotetl.transformer.normalize;

import static dev.hubspotetl.transformer.normalize.DealColumn.AMOUNT;
import static dev.hubspotetl.transformer.normalize.DealColumn.ANALYTICS_SOURCE;
import static dev.hubspotetl.transformer.normalize.DealColumn.CLOSE_DATE;
import static dev.hubspotetl.transformer.normalize.DealColumn.DEAL_NAME;
import static dev.hubspotetl.transformer.normalize.DealColumn.DEAL_STAGE;
import static dev.hubspotetl.transformer.normalize.DealColumn.DEAL_STAGE_PROBABILITY;
import static dev.hubspotetl.transformer.normalize.DealColumn.DEAL_TYPE;
import static dev.hubspotetl.transformer.normalize.DealColumn.DESCRIPTION;
import static dev.hubspotetl.transformer.normalize.DealColumn.FORECAST_AMOUNT;
import static dev.hubspotetl.transformer.normalize.DealColumn.FORECAST_PROBABILITY;
import static dev.hubspotetl.transformer.normalize.DealColumn.HUBSPOT_CREATED_AT;
import static dev.hubspotetl.transformer.normalize.DealColumn.HUBSPOT_OWNER_ID;
import static dev.hubspotetl.transformer.normalize.DealColumn.HUBSPOT_UPDATED_AT;
import static dev.hubspotetl.transformer.normalize.DealColumn.NEXT_STEP;
import static dev.hubspotetl.transformer.normalize.DealColumn.NUM_ASSOCIATED_CONTACTS;
import static dev.hubspotetl.transformer.normalize.DealColumn.PIPELINE;
import static dev.hubspotetl.transformer.normalize.DealColumn.PRIORITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One HubSpot result to one {@link Deal}, by the table of {@link DealColumn}. Only a result that
 * cannot be stored at all fails (no usable id, properties that are not an object); a value that
 * cannot be typed becomes null and stays, as sent, in raw_properties.
 */
final class DealNormalizer {

    private static final String EMPTY_PROPERTIES = "{}";

    Deal normalize(RawDealPage page, JsonNode result, int index) throws InvalidDealException {
        String dealId = dealId(result, page, index);
        JsonNode properties = result.get("properties");
        boolean noProperties = properties == null || properties.isNull();
        if (!noProperties && !properties.isObject()) {
            throw new InvalidDealException(where(page, index) + " (deal " + dealId
                    + ") has properties that are not a JSON object");
        }
        JsonNode props = noProperties ? MissingNode.getInstance() : properties;
        return new Deal(
                page.getOrganizationId(),
                page.getScanId(),
                dealId,
                text(props, DEAL_NAME),
                decimal(props, AMOUNT),
                text(props, DEAL_STAGE),
                instant(props, CLOSE_DATE),
                text(props, PIPELINE),
                text(props, DEAL_TYPE),
                text(props, HUBSPOT_OWNER_ID),
                decimal(props, DEAL_STAGE_PROBABILITY),
                text(props, DESCRIPTION),
                text(props, ANALYTICS_SOURCE),
                associatedContacts(props, result),
                text(props, PRIORITY),
                text(props, NEXT_STEP),
                decimal(props, FORECAST_AMOUNT),
                decimal(props, FORECAST_PROBABILITY),
                firstInstant(props.get(HUBSPOT_CREATED_AT.property()), result.get("createdAt")),
                firstInstant(props.get(HUBSPOT_UPDATED_AT.property()), result.get("updatedAt")),
                archived(result.get("archived")),
                noProperties ? EMPTY_PROPERTIES : properties.toString(),
                page.getExtractedAt());
    }

    private static String dealId(JsonNode result, RawDealPage page, int index) throws InvalidDealException {
        JsonNode id = result.get("id");
        if (id == null || id.isNull()) {
            throw new InvalidDealException(where(page, index) + " has no id");
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            throw new InvalidDealException(where(page, index) + " has an id that is not a string: "
                    + abbreviate(id.toString()));
        }
        String value = id.asText();
        if (value.isBlank()) {
            throw new InvalidDealException(where(page, index) + " has a blank id");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidDealException(where(page, index) + " has an id containing a NUL character");
        }
        if (value.codePointCount(0, value.length()) > DealColumn.DEAL_ID_LENGTH) {
            throw new InvalidDealException(where(page, index) + " has an id longer than " + DealColumn.DEAL_ID_LENGTH
                    + " characters: " + abbreviate(value));
        }
        return value;
    }

    private static String text(JsonNode properties, DealColumn column) {
        return TextValues.text(properties.get(column.property()), column.maxLength());
    }

    private static BigDecimal decimal(JsonNode properties, DealColumn column) {
        JsonNode value = properties.get(column.property());
        return column.kind() == DealColumn.Kind.MONEY ? NumberValues.money(value) : NumberValues.probability(value);
    }

    private static Instant instant(JsonNode properties, DealColumn column) {
        return DateValues.instant(properties.get(column.property()));
    }

    /** The property when it holds a count, else the distinct contacts listed under associations. */
    private static Integer associatedContacts(JsonNode properties, JsonNode result) {
        Integer fromProperty = NumberValues.count(properties.get(NUM_ASSOCIATED_CONTACTS.property()));
        if (fromProperty != null) {
            return fromProperty;
        }
        JsonNode contacts = result.path("associations").path("contacts").path("results");
        if (!contacts.isArray()) {
            return null;
        }
        // HubSpot lists a contact once per association label, so one contact may appear twice
        Set<String> ids = new HashSet<>();
        for (JsonNode contact : contacts) {
            JsonNode id = contact.get("id");
            if (id != null && id.isValueNode() && !TextValues.isAbsent(id)) {
                ids.add(id.asText());
            }
        }
        return ids.size();
    }

    private static Instant firstInstant(JsonNode property, JsonNode fallback) {
        Instant fromProperty = DateValues.instant(property);
        return fromProperty != null ? fromProperty : DateValues.instant(fallback);
    }

    /** The result's flag; a string "true" counts, anything else is false as the column's default. */
    private static boolean archived(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() && node.textValue().strip().equalsIgnoreCase("true");
    }

    private static String where(RawDealPage page, int index) {
        return "result " + index + " of " + PageNormalizer.describe(page);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
