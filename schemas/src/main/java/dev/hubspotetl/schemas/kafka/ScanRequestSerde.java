package dev.hubspotetl.schemas.kafka;

import dev.hubspotetl.schemas.ScanRequest;

/** Serde for {@link ScanRequest}; its no-argument constructor lets Kafka configuration name it by class. */
public final class ScanRequestSerde extends AvroSerde<ScanRequest> {

    public ScanRequestSerde() {
        super(ScanRequest.class);
    }
}
