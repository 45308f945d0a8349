package dev.hubspotetl.transformer.topology;

import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.transformer.topology.FailureRecords.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters any record of hubspot.deals.raw that the source serdes cannot deserialize, with a
 * TRANSFORM_FAILED event for its scan, and lets the application continue. The topology reads raw
 * bytes and decodes pages itself ({@link PageProcessor}), so this is a safety net that the current
 * serdes never reach. Kafka Streams 4.1 gives a handler no access to the task's transactional
 * producer, so these writes use a producer of their own: at least once, outside the transaction.
 * When the dead letter cannot be written the handler answers FAIL: nothing is skipped unrecorded.
 */
public final class DeadLetterDeserializationExceptionHandler implements DeserializationExceptionHandler {

    /** Streams configuration key naming the dead-letter topic. */
    public static final String DEAD_LETTER_TOPIC_CONFIG = "etl.transformer.dead-letter-topic";
    /** Streams configuration key naming the scan-events topic. */
    public static final String SCAN_EVENTS_TOPIC_CONFIG = "etl.transformer.scan-events-topic";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationExceptionHandler.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> NOT_INHERITED = Set.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG);

    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory;
    private final ScanEventSerde scanEvents = new ScanEventSerde();
    private String deadLetterTopic;
    private String scanEventsTopic;
    private Map<String, Object> producerConfig;
    private Producer<byte[], byte[]> producer;

    public DeadLetterDeserializationExceptionHandler() {
        this(KafkaProducer::new);
    }

    DeadLetterDeserializationExceptionHandler(Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory) {
        this.producerFactory = producerFactory;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = required(configs, DEAD_LETTER_TOPIC_CONFIG);
        scanEventsTopic = required(configs, SCAN_EVENTS_TOPIC_CONFIG);
        Map<String, Object> config = new HashMap<>();
        // the connection and security settings of the application, not its transactional identity
        configs.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && !NOT_INHERITED.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig = config;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        Origin origin = new Origin(context.topic(), context.partition(), context.offset());
        String scanId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Headers headers = FailureRecords.failureHeaders(record.headers(), scanId, exception, origin, null);
        try {
            Future<?> letter = producer().send(
                    new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers));
            Future<?> event = scanId == null ? null : producer().send(
                    new ProducerRecord<>(scanEventsTopic, record.key(), failedEvent(scanId, origin, exception)));
            letter.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                event.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            log.warn("Dead-lettered an undeserializable record of scan {} from {}", scanId, origin, exception);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Interrupted while dead-lettering the record at {}; failing the stream thread", origin, e);
            return DeserializationHandlerResponse.FAIL;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.error("Cannot dead-letter the undeserializable record at {}; failing the stream thread", origin, e);
            return DeserializationHandlerResponse.FAIL;
        }
    }

    private byte[] failedEvent(String scanId, Origin origin, Exception exception) {
        String message = "A raw page of this scan could not be deserialized (" + origin + "): "
                + exception.getMessage();
        return scanEvents.serialize(scanEventsTopic,
                FailureRecords.undecodableEvent(scanId, origin, message, System.currentTimeMillis()));
    }

    /** Created on first use: the handler is instantiated per stream thread and rarely needed. */
    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.apply(producerConfig);
        }
        return producer;
    }

    private static String required(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(key + " must name a topic for "
                    + DeadLetterDeserializationExceptionHandler.class.getSimpleName());
        }
        return value.toString();
    }

    /** The producer settings derived from the Streams configuration; tests check what is inherited. */
    Map<String, Object> producerConfig() {
        return Map.copyOf(producerConfig);
    }
}
