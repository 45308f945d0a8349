package dev.hubspotetl.transformer.topology;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.kafka.Topic;
import dev.hubspotetl.schemas.kafka.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The transformer's topology, a pure function of the topics.
 *
 * <pre>
 * hubspot.deals.raw (bytes) ─▶ transform-pages ─▶ route-deals ─────▶ deal-value ─────────▶ hubspot.deals
 *                                              ├▶ route-scan-events ▶ scan-event-value ──▶ hubspot.scan-events
 *                                              └▶ route-dead-letters ▶ dead-letter-record ▶ hubspot.deals.dlq
 * </pre>
 *
 * It is stateless: no store, no repartition topic, so exactly-once costs only the transaction.
 */
public final class DealTopology {

    public static final String SOURCE = "raw-pages-source";
    public static final String TRANSFORM = "transform-pages";
    public static final String ROUTE = "route-";
    public static final String DEALS_SINK = "deals-sink";
    public static final String SCAN_EVENTS_SINK = "scan-events-sink";
    public static final String DEAD_LETTERS_SINK = "dead-letters-sink";

    private DealTopology() {
    }

    public static Topology build(Topics topics, TransformMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, Deal> deals = topics.deals();
        Topic<String, ScanEvent> scanEvents = topics.scanEvents();
        Topic<byte[], byte[]> deadLetters = topics.dealsDlq();

        KStream<String, Outcome> outcomes = builder
                .stream(topics.dealsRaw().name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new PageProcessor(topics.dealsRaw().valueSerde().deserializer(), metrics),
                        Named.as(TRANSFORM));

        outcomes.split(Named.as(ROUTE))
                .branch((key, outcome) -> outcome instanceof Outcome.NormalizedDeal,
                        Branched.withConsumer(stream -> stream
                                .mapValues(outcome -> ((Outcome.NormalizedDeal) outcome).deal(), Named.as("deal-value"))
                                .to(deals.name(), Produced.with(deals.keySerde(), deals.valueSerde())
                                        .withName(DEALS_SINK)), "deals"))
                .branch((key, outcome) -> outcome instanceof Outcome.TransformFailed,
                        Branched.withConsumer(stream -> stream
                                .mapValues(outcome -> ((Outcome.TransformFailed) outcome).event(),
                                        Named.as("scan-event-value"))
                                .to(scanEvents.name(), Produced.with(scanEvents.keySerde(), scanEvents.valueSerde())
                                        .withName(SCAN_EVENTS_SINK)), "scan-events"))
                .defaultBranch(Branched.withConsumer(stream -> stream
                        .map((key, outcome) -> {
                            Outcome.DeadLetter letter = (Outcome.DeadLetter) outcome;
                            return KeyValue.pair(letter.key(), letter.value());
                        }, Named.as("dead-letter-record"))
                        .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                                .withName(DEAD_LETTERS_SINK)), "dead-letters"));

        return builder.build();
    }
}
