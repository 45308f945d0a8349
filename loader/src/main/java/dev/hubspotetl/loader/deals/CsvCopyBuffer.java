package dev.hubspotetl.loader.deals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * A reusable byte buffer in front of a COPY stream that encodes values to UTF-8 itself, CSV-quoting
 * them as it goes, and writes times without building Strings. It replaces a BufferedWriter →
 * OutputStreamWriter(UTF-8) chain whose general encoder cost more CPU than the rows' own formatting,
 * and sends the very same bytes: in particular a lone surrogate becomes {@code ?}, as the JDK's UTF-8
 * encoder replaces it. DealCsvTest holds it to that chain's bytes.
 */
final class CsvCopyBuffer {

    /** The worst case of one char: three UTF-8 bytes (a doubled quote takes two, a surrogate pair four for two). */
    private static final int MAX_BYTES_PER_CHAR = 3;
    private static final int CHUNK_CHARS = 4096;
    /** 2024-06-01T00:00:00.123456789 */
    private static final int LONGEST_DATE_TIME = 29;

    private final OutputStream out;
    private final byte[] bytes;
    private final char[] chars = new char[CHUNK_CHARS];
    private int position;

    CsvCopyBuffer(OutputStream out, int size) {
        if (size < 32) {
            throw new IllegalArgumentException("A COPY buffer needs at least 32 bytes, not " + size);
        }
        this.out = out;
        this.bytes = new byte[size];
    }

    /** Appends the value between double quotes, each double quote in it doubled. */
    void quoted(String value) throws IOException {
        ascii('"');
        encode(value, true);
        ascii('"');
    }

    /**
     * Appends {@code length} bytes of UTF-8 text between double quotes, each double quote doubled: the
     * bytes as they are when they are well-formed UTF-8, else what {@link #quoted} makes of Java's
     * decoding of them (U+FFFD for each malformed sequence), so the row is the same either way.
     */
    void quotedUtf8(byte[] text, int offset, int length) throws IOException {
        if (!Utf8.isWellFormed(text, offset, length)) {
            quoted(new String(text, offset, length, StandardCharsets.UTF_8));
            return;
        }
        ascii('"');
        int from = offset;
        int end = offset + length;
        while (from < end) {
            int room = (bytes.length - position) / 2; // a quote takes two bytes
            if (room == 0) {
                flush();
                continue;
            }
            int to = Math.min(end, from + room);
            byte[] b = bytes;
            int p = position;
            while (from < to) {
                int quote = Swar.indexOf(text, from, to, (byte) '"');
                System.arraycopy(text, from, b, p, quote - from);
                p += quote - from;
                if (quote < to) {
                    b[p++] = '"';
                    b[p++] = '"';
                    quote++;
                }
                from = quote;
            }
            position = p;
        }
        ascii('"');
    }

    /** Appends the value as it is. */
    void unquoted(String value) throws IOException {
        encode(value, false);
    }

    /**
     * Appends the time as {@link LocalDateTime#toString} does (uuuu-MM-ddTHH:mm, then :ss, then .SSS,
     * .SSSSSS or .SSSSSSSSS, each only when not zero), without building that String for four-digit years.
     */
    void dateTime(LocalDateTime time) throws IOException {
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            unquoted(time.toString());
            return;
        }
        if (bytes.length - position < LONGEST_DATE_TIME) {
            flush();
        }
        byte[] b = bytes;
        int p = digits(b, position, year, 4);
        b[p++] = '-';
        p = digits(b, p, time.getMonthValue(), 2);
        b[p++] = '-';
        p = digits(b, p, time.getDayOfMonth(), 2);
        b[p++] = 'T';
        p = digits(b, p, time.getHour(), 2);
        b[p++] = ':';
        p = digits(b, p, time.getMinute(), 2);
        int second = time.getSecond();
        int nano = time.getNano();
        if (second > 0 || nano > 0) {
            b[p++] = ':';
            p = digits(b, p, second, 2);
            if (nano > 0) {
                b[p++] = '.';
                if (nano % 1_000_000 == 0) {
                    p = digits(b, p, nano / 1_000_000, 3);
                } else if (nano % 1000 == 0) {
                    p = digits(b, p, nano / 1000, 6);
                } else {
                    p = digits(b, p, nano, 9);
                }
            }
        }
        position = p;
    }

    /** Appends one ASCII character: a separator or a line end. */
    void ascii(char c) throws IOException {
        if (position == bytes.length) {
            flush();
        }
        bytes[position++] = (byte) c;
    }

    /** Hands what is buffered to the stream (without flushing the stream itself). */
    void flush() throws IOException {
        if (position > 0) {
            out.write(bytes, 0, position);
            position = 0;
        }
    }

    private static int digits(byte[] b, int p, int value, int count) {
        int end = p + count;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private void encode(String value, boolean doubleQuotes) throws IOException {
        int length = value.length();
        int from = 0;
        while (from < length) {
            // Chars that certainly fit; the one extra byte leaves room for a pair whose low half
            // lies past the chunk.
            int room = (bytes.length - position - 1) / MAX_BYTES_PER_CHAR;
            if (room == 0) {
                flush();
                continue;
            }
            int n = Math.min(length - from, Math.min(room, CHUNK_CHARS));
            value.getChars(from, from + n, chars, 0);
            byte[] b = bytes;
            int p = position;
            int k = 0;
            while (k < n) {
                char c = chars[k++];
                if (c < 0x80) {
                    if (c == '"' && doubleQuotes) {
                        b[p++] = '"';
                    }
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else {
                    int next = from + k;
                    char low = next >= length ? 0 : k < n ? chars[k] : value.charAt(next);
                    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                        int codePoint = Character.toCodePoint(c, low);
                        b[p++] = (byte) (0xF0 | codePoint >> 18);
                        b[p++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                        b[p++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                        b[p++] = (byte) (0x80 | codePoint & 0x3F);
                        k++;
                    } else {
                        b[p++] = '?';
                    }
                }
            }
            position = p;
            from += k;
        }
    }
}
