package dev.hubspotetl.api.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScanViewTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2024-06-01T12:00:00");

    @Test
    void shouldEstimateTheRemainingTimeOfARunningScanFromItsRate() {
        ScanView view = ScanView.of(row("running", 1000, 300, 100, NOW.minusSeconds(100), null));

        assertThat(view.elapsedSeconds()).isEqualTo(100.0);
        assertThat(view.dealsPerSecond()).isEqualTo(3.0);
        assertThat(view.estimatedRemainingSeconds()).isEqualTo(200);
        assertThat(view.startedAt().toString()).isEqualTo("2024-06-01T11:58:20Z");
        assertThat(view.links().cancel()).isEqualTo("/api/v1/scans/s/cancel");
    }

    @Test
    void shouldHaveNoRateOrEstimateBeforeTheScanStartsOrWhileNothingIsProcessed() {
        ScanView pending = ScanView.of(row("pending", 0, 0, 0, null, null));
        ScanView idle = ScanView.of(row("running", 100, 0, 0, NOW.minusSeconds(10), null));

        assertThat(pending.elapsedSeconds()).isNull();
        assertThat(pending.dealsPerSecond()).isNull();
        assertThat(pending.estimatedRemainingSeconds()).isNull();
        assertThat(idle.dealsPerSecond()).isZero();
        assertThat(idle.estimatedRemainingSeconds()).isNull();
    }

    @Test
    void shouldMeasureAFinishedScanUntilItsCompletion() {
        ScanView done = ScanView.of(row("completed", 500, 500, 0, NOW.minusSeconds(300), NOW.minusSeconds(200)));

        assertThat(done.elapsedSeconds()).isEqualTo(100.0);
        assertThat(done.dealsPerSecond()).isEqualTo(5.0);
        assertThat(done.estimatedRemainingSeconds()).isNull();
    }

    @Test
    void shouldRoundRatesToTwoDecimals() {
        ScanView view = ScanView.of(row("running", 10, 1, 0, NOW.minusSeconds(3), null));

        assertThat(view.dealsPerSecond()).isEqualTo(0.33);
        assertThat(view.estimatedRemainingSeconds()).isEqualTo(27);
    }

    @Test
    void shouldEncodeTheScanIdInLinks() {
        assertThat(ScanLinks.statusPath("a b/c")).isEqualTo("/api/v1/scans/a%20b%2Fc");
        assertThat(ScanLinks.statusPath("a.b:c-d_e")).isEqualTo("/api/v1/scans/a.b:c-d_e");
    }

    private static ScanJobRow row(String status, long total, long processed, long failed, LocalDateTime started,
                                  LocalDateTime completed) {
        return new ScanJobRow("id", "s", "org", status, "deals", null, total, processed, failed, BigDecimal.ZERO, null,
                50, NOW.minusHours(1), NOW, started, null, completed, NOW);
    }
}
