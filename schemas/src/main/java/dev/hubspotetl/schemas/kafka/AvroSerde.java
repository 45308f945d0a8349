package dev.hubspotetl.schemas.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated contract record on Avro single-object encoding: a 2-byte marker,
 * the writer schema's 8-byte fingerprint, then the binary body. No registry is needed; records
 * written with an earlier schema version (see {@link SchemaHistory}) are resolved by fingerprint.
 *
 * <p>It is its own {@link Serializer} and {@link Deserializer}, so one instance serves plain clients,
 * spring-kafka and Kafka Streams alike; instances are thread-safe. A {@code null} value stays
 * {@code null} (a tombstone); anything else that does not decode raises a
 * {@link SerializationException} naming the topic and what is wrong.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final String recordName;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    protected AvroSerde(Class<T> type) {
        AvroTrust.trustContractPackage();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.recordName = schema.getName();
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        SchemaHistory.previousVersionsOf(schema).forEach(decoder::addSchema);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot encode " + recordName + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw failure(topic, "the value is empty (0 bytes)", null);
        }
        try {
            return decoder.decode(data);
        } catch (BadHeaderException e) {
            throw failure(topic, "the value is not Avro single-object encoded (" + e.getMessage() + ")", e);
        } catch (MissingSchemaException e) {
            throw failure(topic, "the writer schema is unknown here (" + e.getMessage()
                    + "); it is not a known version of " + recordName, e);
        } catch (IOException | RuntimeException e) {
            // AvroRuntimeException, IndexOutOfBounds..., and what a logical type's conversion throws (a
            // zero-length decimal is a NumberFormatException): all of them a record nothing can decode.
            throw failure(topic, "the body is corrupt (" + e + ")", e);
        }
    }

    private SerializationException failure(String topic, String reason, Exception cause) {
        return new SerializationException(
                "Cannot decode " + recordName + " from topic " + topic + ": " + reason, cause);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the record type fixes the schema
    }

    @Override
    public void close() {
        // stateless
    }
}
