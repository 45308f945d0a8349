package dev.hubspotetl.simulator.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter's arithmetic on a hand-driven clock: no sleeping, no flakiness. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void shouldRefuseTheCallBeyondTheWindowAndAllowItAgainOnceTheOldestCallRollsOut() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), 0, now::get);

        assertThat(limiter.acquire("t", false).allowed()).isTrue();
        now.addAndGet(4_000);
        assertThat(limiter.acquire("t", false).allowed()).isTrue();
        assertThat(limiter.acquire("t", false).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.acquire("t", false);
        assertThat(refused.refusedBy()).isEqualTo(RateLimiter.Policy.TEN_SECONDLY_ROLLING);
        assertThat(refused.headers()).containsEntry("X-HubSpot-RateLimit-Remaining", "0");

        now.addAndGet(6_000); // the first call is now exactly 10 s old and out of the window
        RateLimiter.Decision allowed = limiter.acquire("t", false);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.headers()).containsEntry("X-HubSpot-RateLimit-Remaining", "0");
        assertThat(limiter.acquire("t", false).allowed()).isFalse();
    }

    @Test
    void shouldNotCountRefusedCallsAgainstTheWindow() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), 0, now::get);

        limiter.acquire("t", false);
        for (int i = 0; i < 50; i++) {
            limiter.acquire("t", false);
        }
        now.addAndGet(10_000);

        assertThat(limiter.acquire("t", false).allowed()).isTrue();
    }

    @Test
    void shouldLimitSearchesPerSecondOnTopOfTheWindow() {
        RateLimiter limiter = new RateLimiter(100, Duration.ofSeconds(10), 2, now::get);

        assertThat(limiter.acquire("t", true).allowed()).isTrue();
        assertThat(limiter.acquire("t", true).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.acquire("t", true);
        assertThat(refused.refusedBy()).isEqualTo(RateLimiter.Policy.SECONDLY);
        assertThat(refused.headers()).containsEntry("X-HubSpot-RateLimit-Secondly-Remaining", "0")
                .containsEntry("X-HubSpot-RateLimit-Remaining", "98");
        assertThat(limiter.acquire("t", false).allowed()).as("other calls are not searches").isTrue();

        now.addAndGet(1_000);
        assertThat(limiter.acquire("t", true).allowed()).isTrue();
    }

    @Test
    void shouldKeepOneWindowPerToken() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), 0, now::get);

        assertThat(limiter.acquire("a", false).allowed()).isTrue();
        assertThat(limiter.acquire("b", false).allowed()).isTrue();
        assertThat(limiter.acquire("a", false).allowed()).isFalse();
    }

    @Test
    void shouldSendNoHeadersAndRefuseNothingWhenOff() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(10), 0, now::get);

        for (int i = 0; i < 1_000; i++) {
            RateLimiter.Decision decision = limiter.acquire("t", i % 2 == 0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.headers()).isEmpty();
        }
    }
}
