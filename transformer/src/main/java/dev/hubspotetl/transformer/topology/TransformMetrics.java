package dev.hubspotetl.transformer.topology;

/**
 * What the topology counts, kept free of any metrics library so that the topology stays a pure
 * function. Counts are of processing attempts: a transaction that aborts and is retried counts
 * twice here, while its output topics hold it once.
 */
public interface TransformMetrics {

    /** Why a whole input record went to the dead-letter topic. */
    enum DeadLetterReason {
        /** A page whose body is not a HubSpot deals page. */
        MALFORMED_PAGE,
        /** A record that is not a RawDealPage at all (poison pill). */
        UNDECODABLE_RECORD,
        /** A record without a value. */
        EMPTY_RECORD
    }

    TransformMetrics NONE = new TransformMetrics() {
        @Override
        public void dealsNormalized(int count) {
        }

        @Override
        public void dealsFailed(int count) {
        }

        @Override
        public void pageDeadLettered(DeadLetterReason reason) {
        }
    };

    void dealsNormalized(int count);

    void dealsFailed(int count);

    void pageDeadLettered(DeadLetterReason reason);
}
