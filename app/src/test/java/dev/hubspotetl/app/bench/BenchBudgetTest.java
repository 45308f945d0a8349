package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchBudgetTest {

    @Test
    void shouldLeaveOutTheFirstWindowAndDivideByTheIntervalsBudget() {
        List<Budget.Sample> samples = new ArrayList<>();
        samples.add(new Budget.Sample(0, 0));
        // 100 calls at once in the first window, then 9.5 calls per second for 30 s, then idle.
        samples.add(new Budget.Sample(1_000, 100));
        samples.add(new Budget.Sample(11_000, 100));
        for (int s = 1; s <= 30; s++) {
            samples.add(new Budget.Sample(11_000 + s * 1_000L, 100 + Math.round(9.5 * s)));
        }
        samples.add(new Budget.Sample(50_000, 385));
        Budget.Share share = Budget.of(samples);
        assertThat(share.seconds()).isEqualTo(30.0);
        assertThat(share.calls()).isEqualTo(285);
        assertThat(share.share().getAsDouble()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void shouldHaveNoShareWhenTheCallsEndInTheFirstWindow() {
        Budget.Share share = Budget.of(List.of(new Budget.Sample(0, 0), new Budget.Sample(500, 40),
                new Budget.Sample(20_000, 40)));
        assertThat(share.share()).isEmpty();
        assertThat(Budget.of(List.of(new Budget.Sample(0, 0))).share()).isEmpty();
    }
}
