package dev.hubspotetl.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldDefaultToTheTopicNamesOfTheDesign() {
        assertThat(TopicNames.DEFAULTS.all()).containsExactly("hubspot.scan-requests", "hubspot.scan-control",
                "hubspot.deals.raw", "hubspot.deals", "hubspot.scan-events", "hubspot.deals.dlq");
        Topics topics = Topics.from(TopicNames.DEFAULTS);
        assertThat(topics.deals().name()).isEqualTo("hubspot.deals");
        assertThat(topics.deals().valueSerde()).isInstanceOf(DealSerde.class);
        assertThat(topics.scanEvents().valueSerde()).isInstanceOf(ScanEventSerde.class);
    }

    @Test
    void shouldRejectInvalidOrRepeatedTopicNames() {
        assertThatThrownBy(() -> new TopicNames("a", "b", "c", "d", "e", "has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'has space'");
        assertThatThrownBy(() -> new TopicNames("a", "b", "c", "d", "e", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicNames("a", "b", "c", "d", "e", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own name");
    }

    @Test
    void shouldKeyDealsByOrganizationAndDealId() {
        assertThat(Topics.dealKey("org-1", "51")).isEqualTo("org-1:51");
    }

    @Test
    void shouldWriteDeadLetterHeadersInSpringKafkasEncoding() {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.addFailure(headers, "transformer", new IllegalStateException("bad page"),
                "hubspot.deals.raw", 3, 42L);

        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.STAGE)).isEqualTo("transformer");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("bad page");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("hubspot.deals.raw");
        assertThat(ByteBuffer.wrap(headers.lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt())
                .isEqualTo(3);
        assertThat(ByteBuffer.wrap(headers.lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(42L);
        assertThat(DeadLetterHeaders.text(headers, "absent")).isNull();
    }
}
