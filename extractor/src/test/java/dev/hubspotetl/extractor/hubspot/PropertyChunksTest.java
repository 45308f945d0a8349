package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PropertyChunksTest {

    private static final List<String> PROPERTIES = IntStream.range(0, 300)
            .mapToObj(i -> "custom_property_number_" + i).toList();

    @Test
    void shouldSplitAPropertyListSoThatNoRequestTargetExceedsTheLimit() {
        ListQuery shape = new ListQuery(100, false, List.of(), true, "10000000123");

        List<List<String>> chunks = PropertyChunks.split(PROPERTIES, shape.fixedLength(), 2_000, ListQuery::cost);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(PROPERTIES);
        for (List<String> chunk : chunks) {
            assertThat(new ListQuery(100, false, chunk, true, "10000000123").pathAndQuery().length())
                    .isLessThanOrEqualTo(2_000);
        }
    }

    @Test
    void shouldSplitSearchBodiesBelowHubSpotsCharacterLimit() {
        SearchQuery shape = new SearchQuery(1_700_000_000_000L, "10000000999", List.of(), 100);

        List<List<String>> chunks = PropertyChunks.split(PROPERTIES, shape.fixedLength(), 3_000, SearchQuery::cost);

        assertThat(chunks).hasSizeGreaterThan(1);
        for (List<String> chunk : chunks) {
            assertThat(new SearchQuery(1_700_000_000_000L, "10000000999", chunk, 100).body().length())
                    .isLessThanOrEqualTo(3_000);
        }
    }

    @Test
    void shouldKeepEverythingInOneRequestWhenItFits() {
        assertThat(PropertyChunks.split(List.of("dealname", "amount"), 60, 15_000, ListQuery::cost))
                .containsExactly(List.of("dealname", "amount"));
        assertThat(PropertyChunks.split(List.of(), 60, 15_000, ListQuery::cost)).containsExactly(List.of());
    }

    @Test
    void shouldGiveAPropertyThatFitsNowhereARequestOfItsOwn() {
        String huge = "x".repeat(500);

        List<List<String>> chunks = PropertyChunks.split(List.of("a", huge, "b"), 100, 300, ListQuery::cost);

        assertThat(chunks).containsExactly(List.of("a"), List.of(huge), List.of("b"));
    }
}
