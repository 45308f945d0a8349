package dev.hubspotetl.loader.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.kafka.DealSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * EncodedDeal must write exactly what the serde's decoding and {@link DecodedDeal} write. The records
 * are built raw (strings as bytes, decimals as two's complement, times as longs), so they hold what
 * a Java producer cannot write but a record on the topic may: malformed UTF-8, decimals of any size,
 * times at the ends of the range. Mutated records check that the fast path never takes what the
 * serde refuses or reads differently.
 */
class EncodedDealTest {

    private static final Schema SCHEMA = Deal.getClassSchema();
    private static final BinaryMessageEncoder<GenericData.Record> RAW = new BinaryMessageEncoder<>(new GenericData(),
            SCHEMA);
    private static final DealSerde SERDE = new DealSerde();
    private static final int[] BUFFER_SIZES = {1 << 16, 32, 33, 47};
    private static final String[] PIECES = {"a", "Deal 42", "\"", "\"\"", ",", "\r\n", "\\N", "\t", "é", "€", "中文",
        "\u0000", "\uD83D\uDE00", "\uFFFD", "{\"dealname\":\"x, \\\"y\\\"\"}"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}};

    @Test
    void shouldWriteWhatTheDecodedDealWritesForEveryRandomRecord() throws IOException {
        Random random = new Random(20241126L);
        int malformed = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] value = encode(randomRecord(random));
            EncodedDeal encoded = EncodedDeal.parse(value);
            assertThat(encoded).as("record %d", i).isNotNull();
            DecodedDeal decoded = new DecodedDeal(SERDE.deserialize("hubspot.deals", value));
            assertThat(List.of(encoded.organizationId(), encoded.scanId(), encoded.dealId()))
                    .isEqualTo(List.of(decoded.organizationId(), decoded.scanId(), decoded.dealId()));
            byte[] expected = columns(decoded, 1 << 16);
            for (int size : BUFFER_SIZES) {
                assertThat(columns(encoded, size)).as("record %d, buffer of %d bytes", i, size).isEqualTo(expected);
            }
            if (new String(expected, StandardCharsets.UTF_8).contains("\uFFFD")) {
                malformed++;
            }
        }
        assertThat(malformed).as("records whose text took the decoding path").isGreaterThan(100);
    }

    @Test
    void shouldTakeNoMutatedRecordThatTheSerdeRefusesOrReadsDifferently() throws IOException {
        Random random = new Random(11L);
        int taken = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] value = mutate(encode(randomRecord(random)), random);
            EncodedDeal encoded = EncodedDeal.parse(value);
            Deal deal;
            try {
                deal = SERDE.deserialize("hubspot.deals", value);
            } catch (SerializationException e) {
                assertThat(encoded).as("mutation %d, which the serde refuses: %s", i, e.getMessage()).isNull();
                refused++;
                continue;
            }
            if (encoded != null) {
                assertThat(columns(encoded, 47)).as("mutation %d", i).isEqualTo(columns(new DecodedDeal(deal), 47));
                taken++;
            }
        }
        assertThat(taken).as("mutations the fast path took").isGreaterThan(1_000);
        assertThat(refused).as("mutations the serde refused").isGreaterThan(1_000);
    }

    @Test
    void shouldLeaveRecordsOfAnotherSchemaToTheSerde() {
        byte[] value = encode(randomRecord(new Random(3L)));
        value[5] ^= 1; // the fingerprint of another schema
        assertThat(EncodedDeal.parse(value)).isNull();
        assertThat(EncodedDeal.parse(Arrays.copyOf(value, 4))).isNull();
        assertThat(EncodedDeal.parse(new byte[0])).isNull();
    }

    @Test
    void shouldCountNoAssociatedContactsAsZeroAndWriteNullsAsEmptyFields() throws IOException {
        GenericData.Record record = randomRecord(new Random(5L));
        for (Schema.Field field : SCHEMA.getFields()) {
            if (field.schema().isNullable()) {
                record.put(field.pos(), null);
            }
        }
        record.put("organization_id", new Utf8("org-1"));
        record.put("scan_id", new Utf8("scan-1"));
        record.put("deal_id", new Utf8("say \"42\""));
        record.put("archived", true);
        record.put("raw_properties", new Utf8("{\"a\":\"b\"}"));
        record.put("extracted_at", 1_717_200_000_123L);

        String csv = new String(columns(EncodedDeal.parse(encode(record)), 32), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("\"say \"\"42\"\"\",,,,,,,,,,,0,,,,,,,true,\"{\"\"a\"\":\"\"b\"\"}\","
                + "2024-06-01T00:00:00.123,\"scan-1\",\"org-1\"\n");
    }

    private static byte[] columns(DealValue deal, int bufferSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvCopyBuffer out = new CsvCopyBuffer(bytes, bufferSize);
        deal.writeColumns(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] encode(GenericData.Record record) {
        try {
            ByteBuffer buffer = RAW.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One byte changed, dropped, inserted or the value cut short, anywhere after the header. */
    private static byte[] mutate(byte[] value, Random random) {
        int at = 10 + random.nextInt(value.length - 10);
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] changed = value.clone();
                changed[at] = (byte) random.nextInt(256);
                yield changed;
            }
            case 1 -> {
                byte[] shorter = new byte[value.length - 1];
                System.arraycopy(value, 0, shorter, 0, at);
                System.arraycopy(value, at + 1, shorter, at, value.length - at - 1);
                yield shorter;
            }
            case 2 -> {
                byte[] longer = new byte[value.length + 1];
                System.arraycopy(value, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(value, at, longer, at + 1, value.length - at);
                yield longer;
            }
            default -> Arrays.copyOf(value, at);
        };
    }

    /** Every nullable field null or not at random; every value raw, as the writer's bytes hold it. */
    private static GenericData.Record randomRecord(Random random) {
        GenericData.Record record = new GenericData.Record(SCHEMA);
        for (Schema.Field field : SCHEMA.getFields()) {
            Schema type = field.schema().isUnion() ? field.schema().getTypes().get(1) : field.schema();
            if (field.schema().isNullable() && random.nextInt(5) == 0) {
                record.put(field.pos(), null);
                continue;
            }
            record.put(field.pos(), switch (type.getType()) {
                case STRING -> randomText(random);
                case BYTES -> ByteBuffer.wrap(randomUnscaled(random));
                case LONG -> randomMillis(random);
                case INT -> random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(100);
                case BOOLEAN -> random.nextBoolean();
                default -> throw new IllegalStateException("Unexpected " + type);
            });
        }
        return record;
    }

    /** Two's complement of 1 to 20 bytes, mostly of amounts' size. */
    private static byte[] randomUnscaled(Random random) {
        int bits = random.nextInt(3) == 0 ? random.nextInt(160) : random.nextInt(50);
        BigInteger unscaled = new BigInteger(bits, random);
        return (random.nextBoolean() ? unscaled.negate() : unscaled).toByteArray();
    }

    private static long randomMillis(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextLong(); // years far past 9999 and before 1
            case 1 -> random.nextLong(-62_000_000_000_000L, 0);
            case 2 -> random.nextLong(0, 1_000_000) * 60_000; // whole minutes
            default -> random.nextLong(0, 4_000_000_000_000L);
        };
    }

    /** Text of pieces hard for CSV and UTF-8, some with bytes Java would not decode as they are. */
    private static Utf8 randomText(Random random) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int pieces = random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(20);
        boolean malformed = random.nextInt(8) == 0;
        for (int i = 0; i < pieces; i++) {
            if (malformed && random.nextInt(10) == 0) {
                text.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            } else if (random.nextInt(4) == 0) {
                text.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            } else {
                text.write('a' + random.nextInt(26));
            }
        }
        return new Utf8(text.toByteArray());
    }
}
