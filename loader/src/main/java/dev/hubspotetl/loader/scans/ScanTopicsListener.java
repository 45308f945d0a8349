package dev.hubspotetl.loader.scans;

import dev.hubspotetl.loader.messaging.DeadLetterPublisher;
import dev.hubspotetl.loader.messaging.ProgressPublisher;
import dev.hubspotetl.loader.offsets.ExactlyOnceBatchListener;
import dev.hubspotetl.loader.offsets.OffsetStore;
import dev.hubspotetl.schemas.kafka.ScanControlSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import dev.hubspotetl.schemas.kafka.TopicNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes hubspot.scan-requests, hubspot.scan-control and hubspot.scan-events and keeps scan_jobs
 * up to date; undecodable records go to hubspot.deals.dlq. Publishes LOAD_PROGRESS for the scans a
 * batch changed.
 */
public final class ScanTopicsListener extends ExactlyOnceBatchListener<List<ScanProgress>> {

    private static final Logger log = LoggerFactory.getLogger(ScanTopicsListener.class);

    private final TopicNames topics;
    private final ScanMessageHandler handler;
    private final ScanJobRepository scans;
    private final DeadLetterPublisher deadLetters;
    private final ProgressPublisher progress;
    private final Deserializer<? extends SpecificRecord> requests = new ScanRequestSerde();
    private final Deserializer<? extends SpecificRecord> controls = new ScanControlSerde();
    private final Deserializer<? extends SpecificRecord> events = new ScanEventSerde();

    public ScanTopicsListener(TransactionTemplate transactions, OffsetStore offsets, String group, TopicNames topics,
                              ScanMessageHandler handler, ScanJobRepository scans, DeadLetterPublisher deadLetters,
                              ProgressPublisher progress) {
        super(transactions, offsets, group);
        this.topics = topics;
        this.handler = handler;
        this.scans = scans;
        this.deadLetters = deadLetters;
        this.progress = progress;
    }

    @Override
    protected List<ScanProgress> applyInTransaction(List<ConsumerRecord<byte[], byte[]>> records) {
        List<ScanMessage> messages = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                log.debug("Skipping tombstone {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            try {
                messages.add(ScanMessage.of(deserializerOf(record.topic()).deserialize(record.topic(), record.value())));
            } catch (SerializationException e) {
                deadLetters.publish(record, record.key(), null, null, e);
            }
        }
        List<String> touched = handler.apply(messages);
        return touched.isEmpty() ? List.of() : scans.progressOf(touched);
    }

    @Override
    protected void afterCommit(List<ScanProgress> result) {
        progress.publish(result.stream().filter(p -> !"pending".equals(p.status())).toList());
    }

    private Deserializer<? extends SpecificRecord> deserializerOf(String topic) {
        if (topic.equals(topics.scanRequests())) {
            return requests;
        }
        if (topic.equals(topics.scanControl())) {
            return controls;
        }
        if (topic.equals(topics.scanEvents())) {
            return events;
        }
        throw new IllegalStateException("Not subscribed to " + topic);
    }
}
