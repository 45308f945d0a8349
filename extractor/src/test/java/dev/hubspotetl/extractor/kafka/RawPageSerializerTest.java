package dev.hubspotetl.extractor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.RawDealPageSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawPageSerializerTest {

    private static final String TOPIC = "hubspot.deals.raw";
    private final RawDealPageSerde contract = new RawDealPageSerde();
    private final RawPageSerializer serializer = new RawPageSerializer();

    @Test
    void shouldWriteTheBodyFromItsBytesExactlyAsTheContractSerdeWritesTheRecord() {
        RawDealPage page = page("{\"results\":[{\"id\":\"1\",\"properties\":{\"dealname\":\"Zürich 北京 🚀 deal\"}}]}",
                null, "10000000101");

        byte[] written = serializer.serialize(TOPIC, new RawPage(page, page.getBody().getBytes(StandardCharsets.UTF_8)));

        assertThat(written).isEqualTo(contract.serialize(TOPIC, page));
        assertThat(contract.deserialize(TOPIC, written)).isEqualTo(page);
    }

    @Test
    void shouldWriteAnEmptyBodyAndCursorsAsTheContractSerdeDoes() {
        RawDealPage page = page("", "10000000001", null);

        byte[] written = serializer.serialize(TOPIC, new RawPage(page, new byte[0]));

        assertThat(written).isEqualTo(contract.serialize(TOPIC, page));
    }

    @Test
    void shouldEncodeTheBodyWhenItsBytesAreNotAtHand() {
        RawDealPage page = page("{\"results\":[],\"merged\":\"é\"}", null, null);

        assertThat(serializer.serialize(TOPIC, new RawPage(page, null))).isEqualTo(contract.serialize(TOPIC, page));
        assertThat(serializer.serialize(TOPIC, null)).isNull();
    }

    private static RawDealPage page(String body, String requestCursor, String nextCursor) {
        return RawDealPage.newBuilder().setScanId("scan-1").setOrganizationId("org-1").setPageNumber(3)
                .setSource("list").setRequestCursor(requestCursor).setNextCursor(nextCursor).setResultCount(1)
                .setBody(body).setExtractedAt(Instant.parse("2026-01-02T03:04:05.678Z")).build();
    }
}
