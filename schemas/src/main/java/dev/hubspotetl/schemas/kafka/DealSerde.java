package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.Deal;

/** Serde for {@link Deal}; its no-argument constructor lets Kafka configuration name it by class. */
public final class DealSerde extends AvroSerde<Deal> {

    public DealSerde() {
        super(Deal.class);
    }
}
