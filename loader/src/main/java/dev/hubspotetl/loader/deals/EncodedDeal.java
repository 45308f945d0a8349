package dev.hubspotetl.loader.deals;

import dev.hubspotetl.schemas.Deal;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A deal in the Avro bytes the transformer wrote, written to COPY CSV without decoding it into
 * objects: strings go from Avro's UTF-8 to the COPY stream as they are (quotes doubled), numbers and
 * times without the {@code Deal}, {@code BigDecimal} and {@code Instant} in between. That was most of
 * the loader's own CPU per deal.
 *
 * <p>It takes only records of the current {@code Deal} schema whose every field reads cleanly; for
 * anything else {@link #parse} returns null and the record goes through the serde, which resolves
 * older versions and names what is wrong with a broken one. It writes exactly the bytes
 * {@link DecodedDeal} writes for the decoded record (EncodedDealTest holds it to that): UTF-8 that
 * Java would not decode as it is takes the decoding path, replacement characters and all.
 */
final class EncodedDeal implements DealValue {

    private static final Schema SCHEMA = Deal.getClassSchema();
    private static final byte[] HEADER = header(SCHEMA);
    private static final Kind[] KINDS = kinds(SCHEMA);
    private static final int[] SCALES = scales(SCHEMA);
    private static final boolean[] NULLABLE = nullable(SCHEMA);
    private static final int ORGANIZATION_ID = field("organization_id");
    private static final int SCAN_ID = field("scan_id");
    private static final int DEAL_ID = field("deal_id");
    /** The fields that are COPY columns in schema order, deal_id to extracted_at (DealCsv.COLUMNS). */
    private static final int FIRST_COLUMN = DEAL_ID;
    private static final int LAST_COLUMN = field("extracted_at");
    private static final int NULL = -1;

    /** How a field is encoded: its Avro type, and whether it is a ["null", type] union. */
    private enum Kind {
        STRING, DECIMAL, TIMESTAMP, INT, BOOLEAN;
    }

    private final byte[] data;
    /** Per field, where its value starts (after the union index), or {@link #NULL}. */
    private final int[] starts;
    /** Per field: a string's or decimal's byte count, a time's or int's value (read once, by parse). */
    private final long[] values;
    private final String organizationId;
    private final String scanId;
    private final String dealId;

    private EncodedDeal(byte[] data, int[] starts, long[] values) {
        this.data = data;
        this.starts = starts;
        this.values = values;
        this.organizationId = string(ORGANIZATION_ID);
        this.scanId = string(SCAN_ID);
        this.dealId = string(DEAL_ID);
    }

    /**
     * The deal in {@code value} if it is a cleanly encoded record of the current schema and nothing
     * more, else null.
     */
    static EncodedDeal parse(byte[] value) {
        if (value == null || value.length < HEADER.length) {
            return null;
        }
        for (int i = 0; i < HEADER.length; i++) {
            if (value[i] != HEADER[i]) {
                return null;
            }
        }
        int[] starts = new int[KINDS.length];
        long[] values = new long[KINDS.length];
        Reader in = new Reader(value, HEADER.length);
        for (int field = 0; field < KINDS.length; field++) {
            if (NULLABLE[field]) {
                long branch = in.varint(5);
                if (in.broken) {
                    return null;
                }
                if (branch == 0) {
                    starts[field] = NULL;
                    continue;
                }
                if (branch != 1) {
                    return null;
                }
            }
            starts[field] = in.position;
            switch (KINDS[field]) {
                case STRING, DECIMAL -> {
                    long length = in.varint(5);
                    if (length < 0 || length > value.length - in.position
                            || (KINDS[field] == Kind.DECIMAL && length == 0)) {
                        return null;
                    }
                    starts[field] = in.position;
                    values[field] = length;
                    in.position += (int) length;
                }
                case TIMESTAMP -> values[field] = in.varint(10);
                case INT -> values[field] = in.varint(5); // 5 bytes at most: within an int

                case BOOLEAN -> {
                    if (in.position >= value.length || (value[in.position] & ~1) != 0) {
                        return null;
                    }
                    in.position++;
                }
            }
            if (in.broken) {
                return null;
            }
        }
        return in.position == value.length ? new EncodedDeal(value, starts, values) : null;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    @Override
    public String scanId() {
        return scanId;
    }

    @Override
    public String dealId() {
        return dealId;
    }

    @Override
    public void writeColumns(CsvCopyBuffer out) throws IOException {
        for (int field = FIRST_COLUMN; field <= LAST_COLUMN; field++) {
            writeField(field, out);
            out.ascii(',');
        }
        writeField(SCAN_ID, out);
        out.ascii(',');
        writeField(ORGANIZATION_ID, out);
        out.ascii('\n');
    }

    private void writeField(int field, CsvCopyBuffer out) throws IOException {
        int start = starts[field];
        if (start == NULL) {
            if (KINDS[field] == Kind.INT) {
                out.ascii('0'); // num_associated_contacts: none is none counted
            }
            return;
        }
        switch (KINDS[field]) {
            case STRING -> out.quotedUtf8(data, start, (int) values[field]);
            case DECIMAL -> out.unquoted(decimal(start, (int) values[field], SCALES[field]));
            case TIMESTAMP -> {
                long millis = values[field];
                out.dateTime(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                        (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC));
            }
            case INT -> out.unquoted(Integer.toString((int) values[field]));
            case BOOLEAN -> out.unquoted(data[start] == 1 ? "true" : "false");
        }
    }

    /** As Avro's decimal conversion and BigDecimal#toPlainString make it. */
    private String decimal(int start, int length, int scale) {
        if (length <= 8) {
            long unscaled = data[start]; // sign-extended
            for (int i = start + 1; i < start + length; i++) {
                unscaled = unscaled << 8 | (data[i] & 0xFF);
            }
            return BigDecimal.valueOf(unscaled, scale).toPlainString();
        }
        byte[] bytes = new byte[length];
        System.arraycopy(data, start, bytes, 0, length);
        return new BigDecimal(new BigInteger(bytes), scale).toPlainString();
    }

    private String string(int field) {
        return starts[field] == NULL ? null
                : new String(data, starts[field], (int) values[field], StandardCharsets.UTF_8);
    }

    /** Avro's zig-zag varints, refusing what Avro's decoder refuses. */
    private static final class Reader {

        private final byte[] data;
        private int position;
        private boolean broken;

        Reader(byte[] data, int position) {
            this.data = data;
            this.position = position;
        }

        /** A varint of at most {@code maxBytes} bytes (5 for an int, 10 for a long); marks it broken else. */
        long varint(int maxBytes) {
            long raw = 0;
            for (int i = 0; i < maxBytes; i++) {
                if (position >= data.length) {
                    broken = true;
                    return 0;
                }
                int b = data[position++] & 0xFF;
                raw |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (i == maxBytes - 1 && b > (maxBytes == 5 ? 0x0F : 0x01)) {
                        broken = true; // more than 32 or 64 bits
                    }
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            broken = true;
            return 0;
        }
    }

    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    private static Kind[] kinds(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        Kind[] kinds = new Kind[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind(fields.get(i));
        }
        return kinds;
    }

    private static Kind kind(Schema.Field field) {
        Schema type = field.schema();
        if (type.isUnion()) {
            List<Schema> branches = type.getTypes();
            if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                throw new IllegalStateException("Deal." + field.name() + " is not a [\"null\", type] union");
            }
            type = branches.get(1);
        }
        LogicalType logical = type.getLogicalType();
        return switch (type.getType()) {
            case STRING -> Kind.STRING;
            case BYTES -> {
                if (!(logical instanceof LogicalTypes.Decimal)) {
                    throw new IllegalStateException("Deal." + field.name() + " is bytes but not a decimal");
                }
                yield Kind.DECIMAL;
            }
            case LONG -> {
                if (!(logical instanceof LogicalTypes.TimestampMillis)) {
                    throw new IllegalStateException("Deal." + field.name() + " is a long but not timestamp-millis");
                }
                yield Kind.TIMESTAMP;
            }
            case INT -> Kind.INT;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> throw new IllegalStateException("Deal." + field.name() + " has a type the loader cannot copy: "
                    + type);
        };
    }

    private static boolean[] nullable(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        boolean[] nullable = new boolean[fields.size()];
        for (int i = 0; i < nullable.length; i++) {
            nullable[i] = fields.get(i).schema().isNullable();
        }
        return nullable;
    }

    private static int[] scales(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        int[] scales = new int[fields.size()];
        for (int i = 0; i < scales.length; i++) {
            Schema type = fields.get(i).schema();
            Schema value = type.isUnion() ? type.getTypes().get(1) : type;
            if (value.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
                scales[i] = decimal.getScale();
            }
        }
        return scales;
    }

    private static int field(String name) {
        Schema.Field field = SCHEMA.getField(name);
        if (field == null) {
            throw new IllegalStateException("Deal has no field " + name);
        }
        return field.pos();
    }
}
