package dev.hubspotetl.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.TransformerDriver;
import dev.hubspotetl.transformer.normalize.InvalidDealException;
import dev.hubspotetl.transformer.normalize.MalformedPageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure path: what reaches the dead-letter topic, with which headers, and the one
 * TRANSFORM_FAILED event per page that keeps emitted + failed = result_count.
 */
class FailurePathsTest {

    private static final String TOPIC = TransformerDriver.TOPICS.dealsRaw().name();

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "<html>502 Bad Gateway</html>", "the body is not JSON"),
                Arguments.of("truncated JSON", "{\"results\":[{\"id\":\"1\"", "the body is not JSON"),
                Arguments.of("trailing garbage", "{\"results\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"}]} x",
                        "the body is not JSON"),
                Arguments.of("empty body", "", "the body is not a JSON object"),
                Arguments.of("an array", "[{\"id\":\"1\"}]", "the body is not a JSON object"),
                Arguments.of("no results", "{\"paging\":{}}", "the body has no results array"),
                Arguments.of("results not an array", "{\"results\":{\"id\":\"1\"}}", "the body has no results array"),
                Arguments.of("results are not deal objects", "{\"results\":[\"1\",\"2\",\"3\"]}",
                        "result 0 is not a deal object but STRING"),
                Arguments.of("one result is not a deal object", "{\"results\":[{\"id\":\"1\"},null,{\"id\":\"3\"}]}",
                        "result 1 is not a deal object but NULL"),
                Arguments.of("fewer results than counted", "{\"results\":[{\"id\":\"1\"}]}",
                        "the body holds 1 results but result_count is 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void shouldSendMalformedPageToDlqAndCountAllItsDealsFailed(String label, String body, String reason) {
        RawDealPage page = RawPages.pageWithBody("scan-1", "org-1", 4, 3, body);
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(page);

            assertThat(driver.deals()).isEmpty();
            TestRecord<byte[], byte[]> letter = single(driver.deadLetters());
            assertThat(letter.key()).asString(StandardCharsets.UTF_8).isEqualTo("scan-1");
            assertThat(letter.value()).isEqualTo(TransformerDriver.encode(page));
            Headers headers = letter.headers();
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_CLASS))
                    .isEqualTo(MalformedPageException.class.getName());
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .startsWith("page 4 of scan scan-1: " + reason);
            assertOrigin(headers, 0L);
            assertThat(text(headers, DeadLetterHeaders.SCAN_ID)).isEqualTo("scan-1");
            assertThat(text(headers, DeadLetterHeaders.FAILED_DEALS)).isEqualTo("3");

            ScanEvent event = single(driver.events()).value();
            assertThat(event.getType()).isEqualTo(ScanEventType.TRANSFORM_FAILED);
            assertThat(event.getEventId()).isEqualTo("transformer:scan-1:4");
            assertThat(event.getScanId()).isEqualTo("scan-1");
            assertThat(event.getOrganizationId()).isEqualTo("org-1");
            assertThat(event.getStage()).isEqualTo("transformer");
            assertThat(event.getPageNumber()).isEqualTo(4);
            assertThat(event.getDealCount()).isEqualTo(3L);
            assertThat(event.getErrorMessage()).contains(reason);
            assertThat(event.getOccurredAt()).isEqualTo(TransformerDriver.WALL_CLOCK);
        }
    }

    static Stream<Arguments> unusableIds() {
        return Stream.of(
                Arguments.of("missing", null, "has no id"),
                Arguments.of("null", "null", "has no id"),
                Arguments.of("blank", "\"  \"", "has a blank id"),
                Arguments.of("empty", "\"\"", "has a blank id"),
                Arguments.of("an object", "{\"value\":\"51\"}", "has an id that is not a string"),
                Arguments.of("a fraction", "51.5", "has an id that is not a string"),
                Arguments.of("NUL inside", "\"5\\u00001\"", "has an id containing a NUL character"),
                Arguments.of("256 characters", "\"" + "9".repeat(256) + "\"", "has an id longer than 255 characters"));
    }

    @ParameterizedTest(name = "id {0}")
    @MethodSource("unusableIds")
    void shouldFailOnlyTheResultWithoutAUsableIdAndPassTheRest(String label, String idJson, String reason)
            throws Exception {
        String bad = idJson == null
                ? "{\"properties\":{\"dealname\":\"orphan\"}}"
                : "{\"id\":" + idJson + ",\"properties\":{\"dealname\":\"orphan\"}}";
        String body = "{\"results\":[{\"id\":\"1\"}," + bad + ",{\"id\":\"3\"}]}";
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 2, 3, body));

            assertThat(driver.deals()).extracting(TestRecord::key).containsExactly("org-1:1", "org-1:3");
            TestRecord<byte[], byte[]> letter = single(driver.deadLetters());
            assertThat(RawPages.JSON.readTree(letter.value())).isEqualTo(RawPages.JSON.readTree(bad));
            assertThat(letter.key()).asString(StandardCharsets.UTF_8).isEqualTo("scan-1");
            Headers headers = letter.headers();
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_CLASS))
                    .isEqualTo(InvalidDealException.class.getName());
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .startsWith("result 1 of page 2 of scan scan-1 " + reason);
            assertThat(text(headers, DeadLetterHeaders.FAILED_DEALS)).isEqualTo("1");
            assertThat(text(headers, DeadLetterHeaders.SCAN_ID)).isEqualTo("scan-1");
            assertThat(text(headers, DeadLetterHeaders.STAGE)).isEqualTo("transformer");
            assertOrigin(headers, 0L);

            ScanEvent event = single(driver.events()).value();
            assertThat(event.getDealCount()).isEqualTo(1L);
            assertThat(event.getEventId()).isEqualTo("transformer:scan-1:2");
            assertThat(event.getErrorMessage())
                    .startsWith("1 of 3 deals failed: result 1 of page 2 of scan scan-1 " + reason);
        }
    }

    @Test
    void shouldAcceptAnIdOfExactly255Characters() {
        String id = "9".repeat(255);
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-1", "org-1", 0, List.of(RawPages.result(id))));

            assertThat(driver.deals()).extracting(record -> record.value().getDealId()).containsExactly(id);
            assertThat(driver.events()).isEmpty();
        }
    }

    @Test
    void shouldFailAResultWhosePropertiesAreNotAnObject() {
        String body = "{\"results\":[{\"id\":\"1\",\"properties\":[\"dealname\"]},{\"id\":\"2\"}]}";
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 0, 2, body));

            assertThat(driver.deals()).extracting(TestRecord::key).containsExactly("org-1:2");
            assertThat(text(single(driver.deadLetters()).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .isEqualTo("result 0 of page 0 of scan scan-1 (deal 1) has properties that are not a JSON object");
            assertThat(single(driver.events()).value().getDealCount()).isEqualTo(1L);
        }
    }

    @Test
    void shouldEmitOneEventCountingEveryFailedDealOfAPage() {
        List<ObjectNode> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(RawPages.result(i % 4 == 0 ? null : Integer.toString(i)));
        }
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-1", "org-1", 6, results));

            assertThat(driver.deals()).hasSize(7);
            assertThat(driver.deadLetters()).hasSize(3)
                    .allSatisfy(letter ->
                            assertThat(text(letter.headers(), DeadLetterHeaders.FAILED_DEALS)).isEqualTo("1"));
            ScanEvent event = single(driver.events()).value();
            assertThat(event.getDealCount()).isEqualTo(3L);
            assertThat(event.getErrorMessage()).startsWith("3 of 10 deals failed: result 0 of page 6")
                    .contains("result 4 of page 6").contains("result 8 of page 6");
        }
    }

    @Test
    void shouldSummariseAtMostFiveReasonsInTheEvent() {
        List<ObjectNode> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(RawPages.result(null));
        }
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-1", "org-1", 0, results));

            assertThat(single(driver.events()).value().getErrorMessage()).startsWith("8 of 8 deals failed: ")
                    .endsWith("; and 3 more");
            assertThat(driver.deadLetters()).hasSize(8);
        }
    }

    @Test
    void shouldSendAPoisonPillToDlqVerbatimAndReportItAndKeepGoing() {
        byte[] key = "scan-1".getBytes(StandardCharsets.UTF_8);
        byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        Headers inputHeaders = new RecordHeaders().add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipeBytes(key, poison, inputHeaders);
            driver.pipe(RawPages.page("scan-1", "org-1", 1, List.of(RawPages.result("7"))));

            TestRecord<byte[], byte[]> letter = single(driver.deadLetters());
            assertThat(letter.key()).isEqualTo(key);
            assertThat(letter.value()).isEqualTo(poison);
            Headers headers = letter.headers();
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_CLASS))
                    .isEqualTo(SerializationException.class.getName());
            assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .startsWith("Cannot decode RawDealPage from topic " + TOPIC);
            assertThat(text(headers, DeadLetterHeaders.SCAN_ID)).isEqualTo("scan-1");
            assertThat(headers.lastHeader(DeadLetterHeaders.FAILED_DEALS)).isNull();
            assertThat(text(headers, "traceparent")).isEqualTo("00-abc-01");
            assertOrigin(headers, 0L);

            ScanEvent event = single(driver.events()).value();
            assertThat(event.getType()).isEqualTo(ScanEventType.TRANSFORM_FAILED);
            assertThat(event.getScanId()).isEqualTo("scan-1");
            assertThat(event.getDealCount()).isNull();
            assertThat(event.getPageNumber()).isNull();
            assertThat(event.getEventId()).isEqualTo("transformer:scan-1:undecodable:" + TOPIC + "-0@0");
            assertThat(event.getErrorMessage())
                    .startsWith("A raw page of this scan could not be decoded (" + TOPIC + "-0@0)");

            assertThat(driver.deals()).extracting(TestRecord::key).containsExactly("org-1:7");
        }
    }

    @Test
    void shouldTreatAnEmptyValueAsAPoisonPill() {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipeBytes("scan-1".getBytes(StandardCharsets.UTF_8), new byte[0]);

            assertThat(text(single(driver.deadLetters()).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .contains("the value is empty");
            assertThat(single(driver.events()).value().getDealCount()).isNull();
        }
    }

    @Test
    void shouldDeadLetterAPoisonPillWithoutKeyButEmitNoEventForAnUnknownScan() {
        byte[] poison = {0x00, 0x01, 0x02};
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipeBytes(null, poison);

            TestRecord<byte[], byte[]> letter = single(driver.deadLetters());
            assertThat(letter.key()).isNull();
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(letter.headers().lastHeader(DeadLetterHeaders.SCAN_ID)).isNull();
            assertThat(driver.events()).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterATombstoneWithoutFailingTheScan() {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipeBytes("scan-1".getBytes(StandardCharsets.UTF_8), null);

            TestRecord<byte[], byte[]> letter = single(driver.deadLetters());
            assertThat(letter.value()).isNull();
            assertThat(text(letter.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .isEqualTo("The record has no value; a raw page was expected");
            assertThat(driver.events()).isEmpty();
            assertThat(driver.deals()).isEmpty();
        }
    }

    @Test
    void shouldEmitNothingForAnEmptyPage() {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 0, 0, "{\"results\":[],\"paging\":null}"));

            assertThat(driver.deals()).isEmpty();
            assertThat(driver.events()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
        }
    }

    @Test
    void shouldNameTheSourceOffsetOfEachDeadLetter() {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-1", "org-1", 0, List.of(RawPages.result("1"))));
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 1, 1, "oops"));
            driver.pipeBytes("scan-1".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});

            List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
            assertThat(letters).hasSize(2);
            assertOrigin(letters.get(0).headers(), 1L);
            assertOrigin(letters.get(1).headers(), 2L);
        }
    }

    @Test
    void shouldCountWhatItDoesInTheMetrics() {
        CountingMetrics metrics = new CountingMetrics();
        try (TransformerDriver driver = new TransformerDriver(metrics)) {
            driver.pipe(RawPages.page("scan-1", "org-1", 0, List.of(RawPages.result("1"), RawPages.result(null))));
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 1, 5, "oops"));
            driver.pipeBytes("scan-1".getBytes(StandardCharsets.UTF_8), new byte[] {1});
            driver.pipeBytes("scan-1".getBytes(StandardCharsets.UTF_8), null);
        }

        assertThat(metrics.normalized).isEqualTo(1);
        assertThat(metrics.failed).isEqualTo(6);
        assertThat(metrics.deadLettered).containsExactly(TransformMetrics.DeadLetterReason.MALFORMED_PAGE,
                TransformMetrics.DeadLetterReason.UNDECODABLE_RECORD, TransformMetrics.DeadLetterReason.EMPTY_RECORD);
    }

    private static final class CountingMetrics implements TransformMetrics {
        int normalized;
        int failed;
        final List<DeadLetterReason> deadLettered = new ArrayList<>();

        @Override
        public void dealsNormalized(int count) {
            normalized += count;
        }

        @Override
        public void dealsFailed(int count) {
            failed += count;
        }

        @Override
        public void pageDeadLettered(DeadLetterReason reason) {
            deadLettered.add(reason);
        }
    }

    private static void assertOrigin(Headers headers, long offset) {
        assertThat(text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(ByteBuffer.wrap(headers.lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt()).isZero();
        assertThat(ByteBuffer.wrap(headers.lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(offset);
    }

    private static String text(Headers headers, String name) {
        return DeadLetterHeaders.text(headers, name);
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
