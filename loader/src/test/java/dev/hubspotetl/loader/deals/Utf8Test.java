package dev.hubspotetl.loader.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8 and CsvCopyBuffer#quotedUtf8 against Java's own UTF-8 decoder. */
class Utf8Test {

    @Test
    void shouldCallWellFormedExactlyWhatJavaDecodesAndEncodesBackToTheSameBytes() {
        byte[] two = new byte[2];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                two[0] = (byte) a;
                two[1] = (byte) b;
                assertThat(Utf8.isWellFormed(two, 0, 2)).as("%02X %02X", a, b).isEqualTo(roundTrips(two));
            }
        }
        Random random = new Random(1L);
        byte[] four = new byte[4];
        for (int i = 0; i < 2_000_000; i++) {
            // Leads of every kind, then bytes near the continuation range's edges.
            four[0] = (byte) (0xC0 + random.nextInt(64));
            for (int k = 1; k < 4; k++) {
                four[k] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0x7E + random.nextInt(0x44));
            }
            int length = 1 + random.nextInt(4);
            assertThat(Utf8.isWellFormed(four, 0, length)).as("%s", Arrays.toString(Arrays.copyOf(four, length)))
                    .isEqualTo(roundTrips(Arrays.copyOf(four, length)));
        }
    }

    @Test
    void shouldLookOnlyAtTheGivenRange() {
        byte[] bytes = {(byte) 0xFF, 'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2};
        assertThat(Utf8.isWellFormed(bytes, 1, 3)).isTrue();
        assertThat(Utf8.isWellFormed(bytes, 1, 4)).isFalse();
        assertThat(Utf8.isWellFormed(bytes, 0, 2)).isFalse();
    }

    @Test
    void shouldQuoteUtf8BytesAsTheDecodedTextIsQuoted() throws IOException {
        Random random = new Random(2L);
        byte[][] pieces = {{'"'}, {'a'}, {','}, {'\n'}, "é€中\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0x80}, {0}};
        for (int i = 0; i < 20_000; i++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int count = random.nextInt(60);
            for (int k = 0; k < count; k++) {
                text.writeBytes(pieces[random.nextInt(random.nextInt(5) == 0 ? pieces.length : 6)]);
            }
            byte[] bytes = text.toByteArray();
            for (int size : new int[] {32, 33, 1 << 16}) {
                ByteArrayOutputStream viaBytes = new ByteArrayOutputStream();
                CsvCopyBuffer fromBytes = new CsvCopyBuffer(viaBytes, size);
                fromBytes.ascii('x');
                fromBytes.quotedUtf8(bytes, 0, bytes.length);
                fromBytes.flush();
                ByteArrayOutputStream viaText = new ByteArrayOutputStream();
                CsvCopyBuffer fromText = new CsvCopyBuffer(viaText, size);
                fromText.ascii('x');
                fromText.quoted(new String(bytes, StandardCharsets.UTF_8));
                fromText.flush();
                assertThat(viaBytes.toByteArray()).as("case %d, buffer of %d", i, size)
                        .isEqualTo(viaText.toByteArray());
            }
        }
    }

    private static boolean roundTrips(byte[] bytes) {
        return Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
    }
}
