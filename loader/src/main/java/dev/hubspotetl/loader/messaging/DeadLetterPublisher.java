package dev.hubspotetl.loader.messaging;

import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes input the loader cannot apply to the dead-letter topic, bytes as they came, with the
 * error headers of {@link DeadLetterHeaders}. It waits for the broker's acknowledgement, so that
 * the batch's database transaction commits only after its dead letters are safe.
 */
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<byte[], byte[]> template;
    private final String topic;
    private final Counter published;

    public DeadLetterPublisher(KafkaTemplate<byte[], byte[]> template, String topic, MeterRegistry meters) {
        this.template = template;
        this.topic = topic;
        this.published = Counter.builder("etl.loader.dead.letters").description("Records sent to the DLQ")
                .register(meters);
    }

    /**
     * @param key         the DLQ key: the scan id where known, else the input's own key
     * @param failedDeals how many deals the record held (its share of failed_items), or null
     */
    public void publish(ConsumerRecord<byte[], byte[]> input, byte[] key, String scanId, Integer failedDeals,
                        Throwable error) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, input.value());
        input.headers().forEach(h -> record.headers().add(h));
        DeadLetterHeaders.addFailure(record.headers(), "loader", error, input.topic(), input.partition(),
                input.offset());
        if (scanId != null) {
            record.headers().add(DeadLetterHeaders.SCAN_ID, DeadLetterHeaders.utf8(scanId));
        }
        if (failedDeals != null) {
            record.headers().add(DeadLetterHeaders.FAILED_DEALS, DeadLetterHeaders.utf8(failedDeals.toString()));
        }
        try {
            template.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while dead-lettering " + input.topic() + "-" + input.partition()
                    + "@" + input.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Cannot dead-letter " + input.topic() + "-" + input.partition()
                    + "@" + input.offset(), e);
        }
        published.increment();
        log.warn("Dead-lettered {}-{}@{} (scan {}): {}", input.topic(), input.partition(), input.offset(), scanId,
                error.toString());
    }
}
