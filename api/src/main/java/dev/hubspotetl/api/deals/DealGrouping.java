package dev.hubspotetl.api.deals;

import java.util.Arrays;
import java.util.Optional;

/** The dimensions of the seed's "Count deals by stage / pipeline / owner" queries. */
public enum DealGrouping {
    STAGE("stage", "deal_stage"), PIPELINE("pipeline", "pipeline"), OWNER("owner", "hubspot_owner_id");

    private final String parameterValue;
    private final String column;

    DealGrouping(String parameterValue, String column) {
        this.parameterValue = parameterValue;
        this.column = column;
    }

    public String parameterValue() {
        return parameterValue;
    }

    String column() {
        return column;
    }

    public static Optional<DealGrouping> of(String value) {
        return Arrays.stream(values()).filter(g -> g.parameterValue.equals(value)).findFirst();
    }
}
