package dev.hubspotetl.loader.deals;

/** What Java's UTF-8 decoder takes as it is, by the Unicode standard's table of well-formed sequences. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Whether the bytes are well-formed UTF-8: no stray continuation byte, no overlong form, no
     * surrogate, nothing past U+10FFFF, no sequence cut short.
     */
    static boolean isWellFormed(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int lead = b[i];
            if (lead >= 0) {
                i++;
                while (i + Long.BYTES <= end && (Swar.longAt(b, i) & Swar.HIGH_BITS) == 0) {
                    i += Long.BYTES; // eight ASCII bytes
                }
                continue;
            }
            lead &= 0xFF;
            if (lead < 0xC2 || lead > 0xF4) {
                return false;
            }
            if (lead < 0xE0) {
                if (i + 1 >= end || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
                continue;
            }
            int width = lead < 0xF0 ? 3 : 4;
            if (i + width > end) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            int low = switch (lead) {
                case 0xE0 -> 0xA0; // overlong below U+0800
                case 0xF0 -> 0x90; // overlong below U+10000
                default -> 0x80;
            };
            int high = switch (lead) {
                case 0xED -> 0x9F; // U+D800..U+DFFF, surrogates
                case 0xF4 -> 0x8F; // past U+10FFFF
                default -> 0xBF;
            };
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < width; k++) {
                if (!continuation(b[i + k])) {
                    return false;
                }
            }
            i += width;
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
