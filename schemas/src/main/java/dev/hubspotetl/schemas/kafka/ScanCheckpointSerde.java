package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.ScanCheckpoint;

/** Serde for {@link ScanCheckpoint}; its no-argument constructor lets Kafka configuration name it by class. */
public final class ScanCheckpointSerde extends AvroSerde<ScanCheckpoint> {

    public ScanCheckpointSerde() {
        super(ScanCheckpoint.class);
    }
}
