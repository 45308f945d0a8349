package dev.hubspotetl.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.schemas.Deal;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    static Stream<Arguments> everyContract() {
        return Stream.of(
                Arguments.of(new ScanRequestSerde(), ContractFixtures.scanRequest()),
                Arguments.of(new ScanControlSerde(), ContractFixtures.scanControl()),
                Arguments.of(new RawDealPageSerde(), ContractFixtures.rawDealPage()),
                Arguments.of(new DealSerde(), ContractFixtures.deal()),
                Arguments.of(new ScanEventSerde(), ContractFixtures.scanEvent()),
                Arguments.of(new ScanCheckpointSerde(), ContractFixtures.scanCheckpoint()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyContract")
    <T extends SpecificRecord> void shouldRoundTripEveryFieldOfEveryContract(AvroSerde<T> serde, T record) {
        byte[] bytes = serde.serializer().serialize("t", record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(record);
    }

    @Test
    void shouldKeepMoneyAsExactDecimal() {
        DealSerde serde = new DealSerde();
        Deal deal = Deal.newBuilder(ContractFixtures.deal()).setAmount(new BigDecimal("9999999999999.99")).build();

        Deal back = serde.deserialize("hubspot.deals", serde.serialize("hubspot.deals", deal));

        assertThat(back.getAmount()).isEqualByComparingTo("9999999999999.99");
        assertThat(back.getAmount().scale()).isEqualTo(2);
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        DealSerde serde = new DealSerde();
        assertThat(serde.serialize("hubspot.deals", null)).isNull();
        assertThat(serde.deserialize("hubspot.deals", null)).isNull();
    }

    @Test
    void shouldRejectAnEmptyValueNamingTheTopic() {
        assertThatThrownBy(() -> new DealSerde().deserialize("hubspot.deals", new byte[0]))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic hubspot.deals")
                .hasMessageContaining("empty");
    }

    @Test
    void shouldRejectGarbageBytesNamingTheTopic() {
        byte[] garbage = "definitely not avro".getBytes();
        assertThatThrownBy(() -> new DealSerde().deserialize("hubspot.deals", garbage))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode Deal from topic hubspot.deals")
                .hasMessageContaining("not Avro single-object encoded");
    }

    @Test
    void shouldRejectAnUnknownFingerprintNamingTheTopic() {
        byte[] scanEvent = new ScanEventSerde().serialize("hubspot.scan-events", ContractFixtures.scanEvent());
        assertThatThrownBy(() -> new DealSerde().deserialize("hubspot.deals", scanEvent))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic hubspot.deals")
                .hasMessageContaining("writer schema is unknown");
    }

    @Test
    void shouldRejectATruncatedBodyNamingTheTopic() {
        DealSerde serde = new DealSerde();
        byte[] whole = serde.serialize("hubspot.deals", ContractFixtures.deal());
        byte[] truncated = Arrays.copyOf(whole, 14);
        assertThatThrownBy(() -> serde.deserialize("hubspot.deals", truncated))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic hubspot.deals")
                .hasMessageContaining("corrupt");
    }

    @Test
    void shouldRejectADecimalOfNoBytesAsACorruptBody() throws Exception {
        Deal deal = ContractFixtures.deal();
        GenericData.Record raw = new GenericData.Record(Deal.getClassSchema());
        for (Schema.Field field : Deal.getClassSchema().getFields()) {
            Object value = deal.get(field.pos());
            raw.put(field.pos(), value instanceof BigDecimal decimal
                    ? ByteBuffer.wrap(decimal.unscaledValue().toByteArray())
                    : value instanceof Instant instant ? instant.toEpochMilli() : value);
        }
        raw.put("amount", ByteBuffer.allocate(0));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericData.Record>(new GenericData(), Deal.getClassSchema())
                .encode(raw);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThatThrownBy(() -> new DealSerde().deserialize("hubspot.deals", bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic hubspot.deals")
                .hasMessageContaining("corrupt");
    }

    @Test
    void shouldNameTheTopicWhenARecordCannotBeEncoded() {
        Deal wrongScale = Deal.newBuilder(ContractFixtures.deal()).setAmount(new BigDecimal("1.234")).build();
        assertThatThrownBy(() -> new DealSerde().serialize("hubspot.deals", wrongScale))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot encode Deal for topic hubspot.deals");
    }
}
