package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.ScanControl;

/** Serde for {@link ScanControl}; its no-argument constructor lets Kafka configuration name it by class. */
public final class ScanControlSerde extends AvroSerde<ScanControl> {

    public ScanControlSerde() {
        super(ScanControl.class);
    }
}
