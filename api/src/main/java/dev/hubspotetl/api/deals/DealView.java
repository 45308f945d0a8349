package dev.hubspotetl.api.deals;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One hubspot_deals row as lists and exports show it; timestamps are UTC instants. */
@Schema(name = "Deal")
public record DealView(
        String id,
        @JsonProperty("deal_id") String dealId,
        @JsonProperty("deal_name") String dealName,
        BigDecimal amount,
        @JsonProperty("deal_stage") String dealStage,
        @JsonProperty("close_date") Instant closeDate,
        String pipeline,
        @JsonProperty("deal_type") String dealType,
        @JsonProperty("hubspot_owner_id") String hubspotOwnerId,
        @JsonProperty("deal_stage_probability") BigDecimal dealStageProbability,
        String description,
        @JsonProperty("analytics_source") String analyticsSource,
        @JsonProperty("num_associated_contacts") Integer numAssociatedContacts,
        String priority,
        @JsonProperty("next_step") String nextStep,
        @JsonProperty("forecast_amount") BigDecimal forecastAmount,
        @JsonProperty("forecast_probability") BigDecimal forecastProbability,
        @JsonProperty("hubspot_created_at") Instant hubspotCreatedAt,
        @JsonProperty("hubspot_updated_at") Instant hubspotUpdatedAt,
        Boolean archived,
        @JsonProperty("raw_properties") @Schema(implementation = Object.class, description = "Every HubSpot property as received")
        JsonNode rawProperties,
        @JsonProperty("extracted_at") Instant extractedAt) {

    /**
     * The CSV header: the JSON names, in the same order as {@link #csvValues()}. (Java puts @JsonProperty
     * on the component's accessor, not on the component itself.)
     */
    public static final List<String> CSV_HEADER = Arrays.stream(DealView.class.getRecordComponents())
            .map(c -> c.getAccessor().isAnnotationPresent(JsonProperty.class)
                    ? c.getAccessor().getAnnotation(JsonProperty.class).value() : c.getName())
            .toList();

    /** Every field as text (null stays null): instants in ISO-8601, raw_properties as compact JSON. */
    public List<String> csvValues() {
        return Arrays.asList(id, dealId, dealName, text(amount), dealStage, text(closeDate), pipeline, dealType,
                hubspotOwnerId, text(dealStageProbability), description, analyticsSource,
                text(numAssociatedContacts), priority, nextStep, text(forecastAmount), text(forecastProbability),
                text(hubspotCreatedAt), text(hubspotUpdatedAt), text(archived), text(rawProperties),
                text(extractedAt));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
