package dev.hubspotetl.transformer.normalize;

/**
 * The typed columns of {@code hubspot_deals} that come from one HubSpot property (DESIGN.md §5), with
 * the limits the seed schema gives them (SEED-SCHEMA.md): VARCHAR(n) lengths, DECIMAL(15,2) money and
 * DECIMAL(3,2) probabilities. This table is the mapping; {@link DealNormalizer} only applies it.
 */
enum DealColumn {
    DEAL_NAME("dealname", Kind.TEXT, 500),
    AMOUNT("amount", Kind.MONEY, 0),
    DEAL_STAGE("dealstage", Kind.TEXT, 100),
    CLOSE_DATE("closedate", Kind.TIMESTAMP, 0),
    PIPELINE("pipeline", Kind.TEXT, 100),
    DEAL_TYPE("dealtype", Kind.TEXT, 100),
    HUBSPOT_OWNER_ID("hubspot_owner_id", Kind.TEXT, 255),
    DEAL_STAGE_PROBABILITY("hs_deal_stage_probability", Kind.PROBABILITY, 0),
    DESCRIPTION("description", Kind.TEXT, TextValues.UNBOUNDED),
    ANALYTICS_SOURCE("hs_analytics_source", Kind.TEXT, 255),
    NUM_ASSOCIATED_CONTACTS("num_associated_contacts", Kind.COUNT, 0),
    PRIORITY("hs_priority", Kind.TEXT, 50),
    NEXT_STEP("hs_next_step", Kind.TEXT, 500),
    FORECAST_AMOUNT("hs_forecast_amount", Kind.MONEY, 0),
    FORECAST_PROBABILITY("hs_forecast_probability", Kind.PROBABILITY, 0),
    HUBSPOT_CREATED_AT("createdate", Kind.TIMESTAMP, 0),
    HUBSPOT_UPDATED_AT("hs_lastmodifieddate", Kind.TIMESTAMP, 0);

    /** How a column types its value; each kind has one parser. */
    enum Kind { TEXT, MONEY, PROBABILITY, TIMESTAMP, COUNT }

    /** deal_id is VARCHAR(255): a longer id cannot be stored, so such a deal fails. */
    static final int DEAL_ID_LENGTH = 255;

    private final String property;
    private final Kind kind;
    private final int maxLength;

    DealColumn(String property, Kind kind, int maxLength) {
        this.property = property;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    String property() {
        return property;
    }

    Kind kind() {
        return kind;
    }

    /** Characters (code points) the column holds; {@link TextValues#UNBOUNDED} for TEXT. */
    int maxLength() {
        return maxLength;
    }
}
