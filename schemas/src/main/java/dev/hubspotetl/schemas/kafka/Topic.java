package dev.hubspotetl.schemas.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its key and value, built once from configuration. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }
}
