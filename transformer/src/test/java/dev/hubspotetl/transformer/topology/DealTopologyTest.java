package dev.hubspotetl.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.kafka.TopicNames;
import dev.hubspotetl.schemas.kafka.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The topology's shape: one stateless sub-topology of named processors from the raw topic to three sinks. */
class DealTopologyTest {

    private final Topics topics = Topics.from(new TopicNames("t.requests", "t.control", "t.raw", "t.deals",
            "t.events", "t.dlq"));

    @Test
    void shouldReadTheRawTopicAndWriteDealsEventsAndDeadLettersThroughNamedProcessors() {
        TopologyDescription description = DealTopology.build(topics, TransformMetrics.NONE).describe();

        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.globalStores()).isEmpty();
        Map<String, TopologyDescription.Node> nodes = new HashMap<>();
        description.subtopologies().iterator().next().nodes().forEach(node -> nodes.put(node.name(), node));

        assertThat(nodes.keySet()).containsExactlyInAnyOrder(
                "raw-pages-source", "transform-pages", "route-", "route-deals", "route-scan-events",
                "route-dead-letters", "deal-value", "scan-event-value", "dead-letter-record",
                "deals-sink", "scan-events-sink", "dead-letters-sink");
        assertThat(((TopologyDescription.Source) nodes.get("raw-pages-source")).topicSet()).containsExactly("t.raw");
        assertThat(((TopologyDescription.Sink) nodes.get("deals-sink")).topic()).isEqualTo("t.deals");
        assertThat(((TopologyDescription.Sink) nodes.get("scan-events-sink")).topic()).isEqualTo("t.events");
        assertThat(((TopologyDescription.Sink) nodes.get("dead-letters-sink")).topic()).isEqualTo("t.dlq");
        assertThat(nodes.values()).filteredOn(node -> node instanceof TopologyDescription.Processor)
                .allSatisfy(node -> assertThat(((TopologyDescription.Processor) node).stores()).isEmpty());
    }
}
