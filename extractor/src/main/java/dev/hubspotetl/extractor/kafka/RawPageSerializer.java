package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.kafka.RawDealPageSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a {@link RawPage} byte for byte as {@link RawDealPageSerde} writes its record (Avro
 * single-object encoding: marker, schema fingerprint, binary body), except that a body whose UTF-8
 * bytes are at hand is copied instead of encoded: for a body with non-Latin-1 text, Java holds it in
 * UTF-16 and re-encoding it was the largest CPU cost of a page. An Avro string is its UTF-8 length
 * and bytes, the same as Avro bytes, so the output does not change.
 */
final class RawPageSerializer implements Serializer<RawPage> {

    private static final byte[] SINGLE_OBJECT_MARKER = {(byte) 0xC3, (byte) 0x01};

    private final RawDealPageSerde plain = new RawDealPageSerde();
    private final SpecificData model = SpecificData.getForClass(RawDealPage.class);
    private final Schema schema = model.getSchema(RawDealPage.class);
    private final byte[] header = ByteBuffer.allocate(SINGLE_OBJECT_MARKER.length + Long.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN).put(SINGLE_OBJECT_MARKER)
            .putLong(SchemaNormalization.parsingFingerprint64(schema)).array();

    @Override
    public byte[] serialize(String topic, RawPage value) {
        if (value == null) {
            return null;
        }
        if (value.bodyUtf8() == null) {
            return plain.serialize(topic, value.page());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + value.bodyUtf8().length + 512);
            out.write(header);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new BodyWriter(schema, model, value).write(value.page(), encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot encode " + schema.getName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The contract's writer, but the body string (that very object) is written from its bytes. */
    private static final class BodyWriter extends SpecificDatumWriter<RawDealPage> {

        private final String body;
        private final byte[] bodyUtf8;

        BodyWriter(Schema schema, SpecificData model, RawPage page) {
            super(schema, model);
            this.body = page.page().getBody();
            this.bodyUtf8 = page.bodyUtf8();
        }

        @Override
        protected void writeString(Schema schema, Object datum, Encoder out) throws IOException {
            if (datum == body) {
                out.writeBytes(bodyUtf8);
            } else {
                super.writeString(schema, datum, out);
            }
        }
    }
}
