package dev.hubspotetl.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The safety net for records that the source serdes cannot deserialize. */
class DeadLetterDeserializationExceptionHandlerTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final DeadLetterDeserializationExceptionHandler handler =
            new DeadLetterDeserializationExceptionHandler(config -> producer);

    @Test
    void shouldDeadLetterTheRecordReportItsScanAndContinue() {
        handler.configure(config());
        ConsumerRecord<byte[], byte[]> record = record("scan-1".getBytes(StandardCharsets.UTF_8));

        DeserializationHandlerResponse response = handler.handle(context(), record,
                new SerializationException("bad bytes"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(2);
        ProducerRecord<byte[], byte[]> letter = sent.get(0);
        assertThat(letter.topic()).isEqualTo("t.dlq");
        assertThat(letter.key()).isEqualTo(record.key());
        assertThat(letter.value()).isEqualTo(record.value());
        Headers headers = letter.headers();
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(SerializationException.class.getName());
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("bad bytes");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("t.raw");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.SCAN_ID)).isEqualTo("scan-1");
        assertThat(DeadLetterHeaders.text(headers, "origin")).isEqualTo("kept");

        ProducerRecord<byte[], byte[]> eventRecord = sent.get(1);
        assertThat(eventRecord.topic()).isEqualTo("t.events");
        ScanEvent event = new ScanEventSerde().deserialize("t.events", eventRecord.value());
        assertThat(event.getType()).isEqualTo(ScanEventType.TRANSFORM_FAILED);
        assertThat(event.getScanId()).isEqualTo("scan-1");
        assertThat(event.getDealCount()).isNull();
        assertThat(event.getEventId()).isEqualTo("transformer:scan-1:undecodable:t.raw-2@42");
        assertThat(event.getErrorMessage()).contains("could not be deserialized (t.raw-2@42): bad bytes");
    }

    @Test
    void shouldDeadLetterAKeylessRecordWithoutAnEvent() {
        handler.configure(config());

        DeserializationHandlerResponse response =
                handler.handle(context(), record(null), new SerializationException("x"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly("t.dlq");
    }

    @Test
    void shouldFailTheThreadWhenTheDeadLetterCannotBeWritten() {
        MockProducer<byte[], byte[]> failing =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterDeserializationExceptionHandler failingHandler =
                new DeadLetterDeserializationExceptionHandler(config -> failing);
        failingHandler.configure(config());
        failing.sendException = new org.apache.kafka.common.errors.TimeoutException("broker gone");

        DeserializationHandlerResponse response = failingHandler.handle(context(),
                record("scan-1".getBytes(StandardCharsets.UTF_8)), new SerializationException("x"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void shouldInheritConnectionSettingsButNotTheTransactionalIdentity() {
        Map<String, Object> config = config();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx");
        config.put("security.protocol", "SSL");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        handler.configure(config);

        Map<String, Object> producerConfig = handler.producerConfig();

        assertThat(producerConfig).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "app-dead-letters")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    }

    @Test
    void shouldRefuseAConfigurationWithoutTopics() {
        Map<String, Object> config = config();
        config.remove(DeadLetterDeserializationExceptionHandler.DEAD_LETTER_TOPIC_CONFIG);

        assertThatThrownBy(() -> handler.configure(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeadLetterDeserializationExceptionHandler.DEAD_LETTER_TOPIC_CONFIG);
    }

    private static Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        config.put(DeadLetterDeserializationExceptionHandler.DEAD_LETTER_TOPIC_CONFIG, "t.dlq");
        config.put(DeadLetterDeserializationExceptionHandler.SCAN_EVENTS_TOPIC_CONFIG, "t.events");
        return config;
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] key) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t.raw", 2, 42L, key, new byte[] {1, 2, 3});
        record.headers().add("origin", "kept".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "t.raw";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 42L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "raw-pages-source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 0L;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
