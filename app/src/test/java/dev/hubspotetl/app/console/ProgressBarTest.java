package dev.hubspotetl.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.app.scan.ScanState;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static ScanState scan(String status, long total, long processed, long failed, boolean extracted) {
        return new ScanState("job", status, total, processed, failed, extracted, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void shouldMeasureDoneAgainstTheExpectedTotalWhileExtractionRuns() {
        String line = new ProgressBar(ConsoleStyle.PLAIN)
                .render(scan("running", 600, 400, 100, false), OptionalLong.of(1000), 100);

        assertThat(line).startsWith("[###############---------------]  50%")
                .contains("extracted 600", "loaded 400", "failed 100", "100 deals/s", "ETA 0:05");
    }

    @Test
    void shouldGiveNoEstimateWhileTheTotalIsUnknown() {
        String line = new ProgressBar(ConsoleStyle.PLAIN)
                .render(scan("running", 1_200, 300, 0, false), OptionalLong.empty(), 150);

        assertThat(line).contains(" 25%", "extracted 1,200", "loaded 300", "ETA --:--");
    }

    @Test
    void shouldUseTheExactTotalOnceExtractionHasFinished() {
        String line = new ProgressBar(ConsoleStyle.PLAIN)
                .render(scan("completed", 1_896, 1_896, 0, true), OptionalLong.of(2_000), 500);

        assertThat(line).startsWith("[##############################] 100%").contains("ETA --:--");
    }

    @Test
    void shouldDrawBlocksOnAUnicodeTerminalAndFitItsWidth() {
        ConsoleStyle narrow = new ConsoleStyle(true, true, 80);

        String line = new ProgressBar(narrow).render(scan("running", 19_006, 9_503, 0, false),
                OptionalLong.of(19_006), 1_850);

        assertThat(line).contains("█").contains("░").doesNotContain("#")
                .contains("50% extracted 19,006 loaded 9,503 failed 0 1,850 deals/s ETA 0:05");
        assertThat(line.length()).isLessThan(80);
    }

    @Test
    void shouldKeepTheBarsWidthWhileTheNumbersGrow() {
        ProgressBar bar = new ProgressBar(new ConsoleStyle(true, false, 80));

        String early = bar.render(scan("running", 100, 0, 0, false), OptionalLong.of(19_006), 0);
        String late = bar.render(scan("running", 19_006, 18_000, 0, false), OptionalLong.of(19_006), 2_000);

        assertThat(early.indexOf(']')).isEqualTo(late.indexOf(']'));
    }

    @Test
    void shouldFormatDurationsAsMinutesOrHours() {
        assertThat(ProgressBar.duration(java.time.Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(ProgressBar.duration(java.time.Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    }
}
