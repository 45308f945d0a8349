package dev.hubspotetl.api.kafka;

import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.Topic;
import dev.hubspotetl.schemas.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes scan requests to {@code hubspot.scan-requests} (key organization_id) and control commands
 * to {@code hubspot.scan-control} (key scan_id), and returns only once the broker has acknowledged
 * them (acks=all, idempotent producer), so that a 202 means the command is durable.
 */
public class ScanCommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScanCommandPublisher.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final Topics topics;
    private final Duration wait;
    private final MeterRegistry meters;

    public ScanCommandPublisher(KafkaTemplate<byte[], byte[]> template, Topics topics, Duration wait,
                                MeterRegistry meters) {
        this.template = template;
        this.topics = topics;
        this.wait = wait;
        this.meters = meters;
    }

    public void publish(ScanRequest request) {
        send(topics.scanRequests(), request.getOrganizationId(), request, request.getScanId());
    }

    public void publish(ScanControl control) {
        send(topics.scanControl(), control.getScanId(), control, control.getScanId());
    }

    private <V> void send(Topic<String, V> topic, String key, V value, String scanId) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            SendResult<byte[], byte[]> result = template.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Published {} of scan {} to {}-{}@{}", value.getClass().getSimpleName(), scanId, topic.name(),
                    result.getRecordMetadata().partition(), result.getRecordMetadata().offset());
            count(topic, "acknowledged");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(topic, scanId, e);
        } catch (ExecutionException e) {
            throw failed(topic, scanId, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // KafkaTemplate throws directly when the producer cannot even be asked (metadata, buffer full).
            throw failed(topic, scanId, e);
        }
    }

    private PublishFailedException failed(Topic<?, ?> topic, String scanId, Throwable cause) {
        count(topic, "failed");
        log.warn("Kafka did not acknowledge the command for scan {} on {}", scanId, topic.name(), cause);
        return new PublishFailedException("Kafka did not acknowledge the command on " + topic.name()
                + " within " + wait.toSeconds() + "s", cause);
    }

    private void count(Topic<?, ?> topic, String outcome) {
        Counter.builder("etl.api.commands.published").description("Scan commands sent to Kafka, by outcome")
                .tag("topic", topic.name()).tag("outcome", outcome).register(meters).increment();
    }
}
