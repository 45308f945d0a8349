package dev.hubspotetl.transformer.topology;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.ScanEvent;

/** What {@link PageProcessor} emits for a raw page; {@link DealTopology} routes each kind to its topic. */
sealed interface Outcome {

    /** A deal for hubspot.deals, keyed organization_id:deal_id. */
    record NormalizedDeal(Deal deal) implements Outcome {
    }

    /** A TRANSFORM_FAILED event for hubspot.scan-events, keyed scan_id. */
    record TransformFailed(ScanEvent event) implements Outcome {
    }

    /** The failed input for hubspot.deals.dlq; the error headers travel on the record. */
    record DeadLetter(byte[] key, byte[] value) implements Outcome {
    }
}
