package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageMergerTest {

    @Test
    void shouldReturnASinglePageByteForByte() throws Exception {
        String body = "{\"results\":[{\"id\":\"1\",\"properties\":{\"amount\":\"1.10\"}}],  \"paging\":{}}";

        HubSpotPage merged = PageMerger.merge(List.of(page(body)));

        assertThat(merged.body()).isSameAs(body);
    }

    @Test
    void shouldAddTheOtherRequestsPropertiesToTheSameDealIds() throws Exception {
        HubSpotPage first = page("{\"results\":[{\"id\":\"1\",\"properties\":{\"a\":\"x\",\"hs_object_id\":\"1\"},"
                + "\"archived\":false},{\"id\":\"2\",\"properties\":{\"a\":null}}],"
                + "\"paging\":{\"next\":{\"after\":\"3\"}}}");
        HubSpotPage second = page("{\"results\":[{\"id\":\"2\",\"properties\":{\"b\":\"12.500\",\"hs_object_id\":\"2\"}},"
                + "{\"id\":\"1\",\"properties\":{\"b\":\"\",\"hs_object_id\":\"changed\"}},"
                + "{\"id\":\"9\",\"properties\":{\"b\":\"new deal\"}}]}");

        HubSpotPage merged = PageMerger.merge(List.of(first, second));

        JsonNode json = HubSpotJson.MAPPER.readTree(merged.body());
        assertThat(json.path("results")).hasSize(2);
        assertThat(json.path("results").get(0).path("properties").toString())
                .isEqualTo("{\"a\":\"x\",\"hs_object_id\":\"1\",\"b\":\"\"}");
        assertThat(json.path("results").get(0).path("archived").asBoolean()).isFalse();
        assertThat(json.path("results").get(1).path("properties").toString())
                .isEqualTo("{\"a\":null,\"b\":\"12.500\",\"hs_object_id\":\"2\"}");
        assertThat(json.path("paging").path("next").path("after").asText()).isEqualTo("3");
        assertThat(merged.body()).doesNotContain("new deal");
    }

    @Test
    void shouldKeepNumbersExactlyAsSent() throws Exception {
        HubSpotPage first = page("{\"total\":12345678901234567890,\"score\":0.10000000000000000001,"
                + "\"results\":[{\"id\":\"1\",\"properties\":{}}]}");
        HubSpotPage second = page("{\"results\":[{\"id\":\"1\",\"properties\":{\"b\":\"2\"}}]}");

        String merged = PageMerger.merge(List.of(first, second)).body();

        assertThat(merged).contains("12345678901234567890").contains("0.10000000000000000001");
    }

    private static HubSpotPage page(String body) throws Exception {
        return new HubSpotPage(body, HubSpotJson.MAPPER.readTree(body));
    }
}
