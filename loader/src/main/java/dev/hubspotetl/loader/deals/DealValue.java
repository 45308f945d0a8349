package dev.hubspotetl.loader.deals;

import java.io.IOException;

/**
 * One deal of a batch as the loader needs it: the keys it is grouped and counted by, and its
 * hubspot_deals columns from {@code deal_id} to {@code _tenant_id} as a COPY CSV row's tail.
 * {@link EncodedDeal} reads them straight from the Avro bytes of the current schema;
 * {@link DecodedDeal} from a decoded {@code Deal} (records of earlier schema versions).
 */
sealed interface DealValue permits DecodedDeal, EncodedDeal {

    String organizationId();

    String scanId();

    String dealId();

    /** Writes the columns from deal_id on, each followed by a comma, the last by the line end. */
    void writeColumns(CsvCopyBuffer out) throws IOException;
}
