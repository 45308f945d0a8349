package dev.hubspotetl.loader.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {

    @Test
    void shouldFindTheFirstTargetByteAsAPlainLoopDoes() {
        Random random = new Random(4L);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int k = 0; k < bytes.length; k++) {
                // Mostly bytes one bit away from the target, where a word test could be fooled.
                bytes[k] = (byte) (random.nextInt(10) == 0 ? '"' : random.nextBoolean() ? '"' ^ (1 << random.nextInt(8))
                        : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '"') {
                expected++;
            }
            assertThat(Swar.indexOf(bytes, from, to, (byte) '"')).as("case %d", i).isEqualTo(expected);
        }
    }
}
