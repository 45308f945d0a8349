package dev.hubspotetl.loader.messaging;

import dev.hubspotetl.loader.scans.ScanProgress;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Tells observers on the scan-events topic where each scan stands after a committed batch
 * (LOAD_PROGRESS, absolute counts). The database is the truth and a later event repeats every count,
 * so a lost or repeated progress event is harmless; a failed send is logged, never retried. Events of
 * one scan from several consumer threads may interleave: observers keep the highest counts.
 */
public class ProgressPublisher {

    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final String topic;
    private final ScanEventSerde serde = new ScanEventSerde();
    private final Clock clock;

    public ProgressPublisher(KafkaTemplate<byte[], byte[]> template, String topic, Clock clock) {
        this.template = template;
        this.topic = topic;
        this.clock = clock;
    }

    public void publish(Collection<ScanProgress> progress) {
        for (ScanProgress scan : progress) {
            ScanEvent event = ScanEvent.newBuilder()
                    .setEventId("loader:" + scan.scanId() + ":" + scan.status() + ":" + scan.processedItems() + ":"
                            + scan.failedItems())
                    .setScanId(scan.scanId()).setOrganizationId(scan.organizationId())
                    .setType(ScanEventType.LOAD_PROGRESS).setStage("loader").setOccurredAt(clock.instant())
                    .setProcessedItems(scan.processedItems()).setFailedItems(scan.failedItems())
                    .setTotalItems(scan.extractionCompleted() ? scan.totalItems() : null)
                    .setStatus(scan.status()).build();
            template.send(new ProducerRecord<>(topic, scan.scanId().getBytes(StandardCharsets.UTF_8),
                            serde.serialize(topic, event)))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            log.warn("Progress of scan {} not published; the next batch repeats it", scan.scanId(), error);
                        }
                    });
        }
    }
}
