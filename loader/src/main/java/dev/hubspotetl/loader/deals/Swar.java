package dev.hubspotetl.loader.deals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes at a time: byte scans over the long texts (raw_properties) of every deal. */
final class Swar {

    /** The high bit of each of the eight bytes: set in a word only if one of its bytes is not ASCII. */
    static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Swar() {
    }

    /** The eight bytes from {@code index}, the first the lowest. */
    static long longAt(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** The index of the first {@code target} byte in {@code [from, to)}, else {@code to}. */
    static int indexOf(byte[] bytes, int from, int to, byte target) {
        long pattern = LOW_BITS * (target & 0xFF);
        int i = from;
        while (i + Long.BYTES <= to) {
            long x = longAt(bytes, i) ^ pattern; // a zero byte where the target is
            if (((x - LOW_BITS) & ~x & HIGH_BITS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        while (i < to && bytes[i] != target) {
            i++;
        }
        return i;
    }
}
