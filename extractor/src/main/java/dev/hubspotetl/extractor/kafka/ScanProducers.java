package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Opens the transactional producer of a scan ({@code <prefix>scan-<scan_id>}). Opening one runs
 * initTransactions, which fences any other producer of the same scan, on this instance or a crashed
 * or partitioned one, and resolves its open transaction.
 */
public final class ScanProducers {

    private final Map<String, Object> config;
    private final String transactionalIdPrefix;
    private final ScanTopics topics;

    public ScanProducers(Map<String, Object> producerConfig, String transactionalIdPrefix, Duration transactionTimeout,
                         ScanTopics topics) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A page of 100 deals with 100 KB descriptions is larger than Kafka's 1 MB default.
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        this.config = Map.copyOf(config);
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.topics = topics;
    }

    /** The scan's producer, ready for transactions; every other producer of the scan is fenced. */
    public ScanTransaction open(String scanId, int partition) {
        Map<String, Object> props = new HashMap<>(config);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(scanId));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "extractor-scan-" + scanId);
        KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), valueSerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new ScanTransaction(producer, topics, scanId, partition);
    }

    /** Fences whoever else still writes for the scan, and resolves its open transaction. */
    public void fence(String scanId, int partition) {
        open(scanId, partition).close();
    }

    String transactionalId(String scanId) {
        return transactionalIdPrefix + "scan-" + scanId;
    }

    private static Serializer<Object> valueSerializer() {
        return new DelegatingByTypeSerializer(Map.of(
                RawPage.class, new RawPageSerializer(),
                ScanEvent.class, new ScanEventSerde(),
                ScanCheckpoint.class, new ScanCheckpointSerde()));
    }
}
