package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page read in one streaming pass answers as its tree does, odd bodies included. */
class HubSpotPageTest {

    @Test
    void shouldReadCountCursorAndLastIdWithoutATreeAndKeepTheBytes() throws Exception {
        String body = "{\"results\":[{\"id\":\"11\",\"properties\":{\"dealname\":\"Zürich 🚀\",\"amount\":\"1.10\"},"
                + "\"associations\":{\"contacts\":{\"results\":[{\"id\":\"99\"}]}}},{\"properties\":{},\"id\":\"12\"}],"
                + "\"total\":2,\"paging\":{\"next\":{\"after\":\"12\",\"link\":\"?after=12\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        HubSpotPage page = HubSpotPage.read(bytes);

        assertThat(page.body()).isEqualTo(body);
        assertThat(page.utf8Body()).isSameAs(bytes);
        assertThat(page.resultCount()).isEqualTo(2);
        assertThat(page.lastResultId()).isEqualTo("12");
        assertThat(page.nextAfter()).isEqualTo("12");
        assertThat(page.json().path("results").get(0).path("properties").path("dealname").asText())
                .isEqualTo("Zürich 🚀");
    }

    @Test
    void shouldAnswerAsTheTreeForEveryShape() throws Exception {
        for (String body : List.of(
                "{}",
                "{\"results\":[]}",
                "{\"results\":[{\"id\":\"1\"}],\"paging\":{\"next\":{\"after\":\"\"}}}",
                "{\"results\":[{\"id\":\"1\"}],\"paging\":{\"next\":{\"after\":null}}}",
                "{\"results\":[{\"id\":\"1\"}],\"paging\":{\"next\":{\"after\":7}}}",
                "{\"results\":[{\"id\":\"1\"}],\"paging\":{\"next\":null}}",
                "{\"results\":[{\"x\":1}],\"paging\":{\"next\":{\"after\":\"a\"}},\"paging\":{}}",
                "{\"results\":[{\"id\":1}],\"paging\":{\"next\":{\"after\":\"b\"},\"next\":{\"after\":\"c\"}}}",
                "{\"results\":[{\"id\":\"1\"},{\"id\":\"2\",\"id\":\"3\"}],\"results\":[{\"id\":\"4\"}]}",
                "{\"results\":{\"a\":1,\"b\":2}}",
                "{\"results\":\"none\",\"score\":0.10000000000000000001}",
                "{\"results\":[{\"id\":\"1\",\"score\":1e5}],\"paging\":{\"next\":{\"after\":1.5e3}}}",
                "  {\"results\":[{\"id\":\"1\"}]} trailing")) {
            HubSpotPage streamed = HubSpotPage.read(body.getBytes(StandardCharsets.UTF_8));
            HubSpotPage tree = new HubSpotPage(body, HubSpotJson.MAPPER.readTree(body));

            assertThat(streamed.body()).as(body).isEqualTo(body);
            assertThat(streamed.resultCount()).as(body).isEqualTo(tree.resultCount());
            assertThat(streamed.nextAfter()).as(body).isEqualTo(tree.nextAfter());
            if (tree.json().path("results").isArray() && tree.resultCount() > 0) {
                assertThat(streamed.lastResultId()).as(body).isEqualTo(tree.lastResultId());
            }
        }
    }

    @Test
    void shouldRefuseWhatTheTreeRefusesWithTheSameMessage() {
        for (String body : List.of("{\"results\":[{\"id\":\"1\"}", "[1,2]", "", "{\"a\":tru}", "\"text\"")) {
            String expected = message(() -> {
                if (!HubSpotJson.MAPPER.readTree(body).isObject()) {
                    throw new IOException("the body is not a JSON object");
                }
            });

            assertThatThrownBy(() -> HubSpotPage.read(body.getBytes(StandardCharsets.UTF_8))).as(body)
                    .isInstanceOf(IOException.class).hasMessage(expected);
        }
    }

    @Test
    void shouldDecodeMalformedUtf8AsTextAndNotKeepTheBytes() throws Exception {
        byte[] bytes = "{\"results\":[{\"id\":\"1\",\"name\":\"ab\"}]}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 6] = (byte) 0xC3; // a lead byte without its continuation, inside a string

        HubSpotPage page = HubSpotPage.read(bytes);

        assertThat(page.body()).isEqualTo(new String(bytes, StandardCharsets.UTF_8)).contains("\uFFFD");
        assertThat(page.utf8Body()).isNull();
        assertThat(page.resultCount()).isEqualTo(1);
    }

    private interface Reading {
        void run() throws IOException;
    }

    private static String message(Reading reading) {
        try {
            reading.run();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
