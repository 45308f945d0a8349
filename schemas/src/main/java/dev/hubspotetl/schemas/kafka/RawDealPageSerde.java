package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.RawDealPage;

/** Serde for {@link RawDealPage}; its no-argument constructor lets Kafka configuration name it by class. */
public final class RawDealPageSerde extends AvroSerde<RawDealPage> {

    public RawDealPageSerde() {
        super(RawDealPage.class);
    }
}
