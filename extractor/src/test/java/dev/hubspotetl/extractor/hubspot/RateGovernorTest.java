package dev.hubspotetl.extractor.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.extractor.config.HubSpotProperties.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateGovernorTest {

    @Test
    void shouldNeverLetMoreThanTheBudgetStartWithinOneWindowAcrossThreads() throws Exception {
        RateGovernor governor = new RateGovernor(new RateLimit(5, Duration.ofMillis(200), 0, Duration.ZERO),
                System::nanoTime);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            calls.add(threads.submit(() -> {
                RateGovernor.Permit permit = governor.acquire(false, StopSignal.NEVER);
                starts.add(System.nanoTime());
                governor.completed(permit, RateLimitHeaders.NONE);
            }));
        }
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 5; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 5)).as("six starts within one window")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        }
    }

    @Test
    void shouldKeepSearchesToTheirPerSecondBudget() {
        RateGovernor governor = new RateGovernor(new RateLimit(0, Duration.ofSeconds(10), 2, Duration.ZERO),
                System::nanoTime);
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            governor.completed(governor.acquire(true, StopSignal.NEVER), RateLimitHeaders.NONE);
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void shouldPauseAfterA429ForAsLongAsRetryAfterSays() {
        RateGovernor governor = new RateGovernor(new RateLimit(100, Duration.ofSeconds(10), 0, Duration.ZERO),
                System::nanoTime);
        RateGovernor.Permit refused = governor.acquire(false, StopSignal.NEVER);
        governor.rateLimited(refused, new RateLimitHeaders(-1, -1, -1, -1, -1, 300));

        long start = System.nanoTime();
        governor.acquire(false, StopSignal.NEVER);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(290).toNanos());
    }

    @Test
    void shouldTreatA429WithoutRetryAfterAsAFullWindow() {
        RateGovernor governor = new RateGovernor(new RateLimit(10, Duration.ofMillis(300), 0, Duration.ZERO),
                System::nanoTime);
        RateGovernor.Permit refused = governor.acquire(false, StopSignal.NEVER);
        governor.rateLimited(refused, new RateLimitHeaders(10, 0, 300, -1, -1, -1));

        long start = System.nanoTime();
        governor.acquire(false, StopSignal.NEVER);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
    }

    @Test
    void shouldStopWaitingAsSoonAsTheScanIsStopped() {
        RateGovernor governor = new RateGovernor(new RateLimit(1, Duration.ofSeconds(30), 0, Duration.ZERO),
                System::nanoTime);
        governor.completed(governor.acquire(false, StopSignal.NEVER), RateLimitHeaders.NONE);
        long stopAt = System.nanoTime() + Duration.ofMillis(100).toNanos();

        long start = System.nanoTime();
        assertThatThrownBy(() -> governor.acquire(false, () -> System.nanoTime() > stopAt))
                .isInstanceOf(ScanStoppedException.class);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(2).toNanos());
    }
}
