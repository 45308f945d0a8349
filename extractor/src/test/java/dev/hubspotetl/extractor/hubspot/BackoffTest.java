package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleEachRetryBetweenHalfAndAllOfTheCeiling() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 1.0);

        assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(high.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(low.delay(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(high.delay(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldNeverWaitLongerThanTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(2), () -> 1.0);

        assertThat(backoff.delay(10)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(64)).isEqualTo(Duration.ofSeconds(2));
    }
}
