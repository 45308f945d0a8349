package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldLetTheBudgetStartThenWaitUntilTheOldestCallHasBeenAnsweredOneWindowAgo() {
        RateWindow window = new RateWindow(3, Duration.ofMillis(1_000), Duration.ofMillis(10));
        for (int i = 0; i < 3; i++) {
            assertThat(window.waitNanos(0)).isZero();
            window.start();
        }
        window.finish(5 * MS);
        window.finish(6 * MS);
        window.finish(7 * MS);

        assertThat(window.waitNanos(7 * MS)).isEqualTo(1_008 * MS);
        assertThat(window.waitNanos(1_015 * MS)).isZero();
    }

    @Test
    void shouldHoldASlotForACallStillInFlight() {
        RateWindow window = new RateWindow(1, Duration.ofSeconds(1), Duration.ZERO);
        window.start();

        assertThat(window.waitNanos(0)).isEqualTo(RateWindow.IN_FLIGHT_POLL_NANOS);
        assertThat(window.used()).isEqualTo(1);
    }

    @Test
    void shouldAdoptALowerMaximumFromHubSpotsHeadersAtNoHigherRateThanConfigured() {
        RateWindow window = new RateWindow(100, Duration.ofSeconds(10), Duration.ZERO);

        window.observe(20, 19, 2_000, 0);
        assertThat(window.limit()).isEqualTo(20);
        assertThat(window.windowNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());

        RateWindow strict = new RateWindow(100, Duration.ofSeconds(10), Duration.ZERO);
        strict.observe(50, -1, 1_000, 0);
        assertThat(strict.limit()).isEqualTo(50);
        assertThat(strict.windowNanos()).as("50 per second would exceed 100 per 10 s")
                .isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void shouldNeverSpendMoreThanTheConfiguredBudgetWhateverHubSpotAllows() {
        RateWindow window = new RateWindow(100, Duration.ofSeconds(10), Duration.ZERO);

        window.observe(190, 189, 10_000, 0);

        assertThat(window.limit()).isEqualTo(100);
        assertThat(window.windowNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void shouldBookTheCallsSomeoneElseSpentWhenHubSpotReportsFewerRemaining() {
        RateWindow window = new RateWindow(10, Duration.ofSeconds(1), Duration.ZERO);
        window.start();
        window.finish(0);

        window.observe(10, 5, 1_000, 0);

        assertThat(window.used()).isEqualTo(5);
        window.observe(10, 0, 1_000, 0);
        assertThat(window.used()).isEqualTo(10);
        assertThat(window.waitNanos(0)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void shouldWaitOutAPauseEvenWithoutABudget() {
        RateWindow off = new RateWindow(0, Duration.ofSeconds(10), Duration.ZERO);
        assertThat(off.waitNanos(0)).isZero();

        off.pauseUntil(500 * MS);

        assertThat(off.waitNanos(100 * MS)).isEqualTo(400 * MS);
        assertThat(off.waitNanos(500 * MS)).isZero();
    }

    @Test
    void shouldKeepTheLaterOfTwoPauses() {
        RateWindow window = new RateWindow(5, Duration.ofSeconds(1), Duration.ZERO);
        window.pauseUntil(900 * MS);
        window.pauseUntil(300 * MS);

        assertThat(window.waitNanos(0)).isEqualTo(900 * MS);
    }
}
