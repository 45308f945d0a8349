package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.ScanEvent;

/** Serde for {@link ScanEvent}; its no-argument constructor lets Kafka configuration name it by class. */
public final class ScanEventSerde extends AvroSerde<ScanEvent> {

    public ScanEventSerde() {
        super(ScanEvent.class);
    }
}
