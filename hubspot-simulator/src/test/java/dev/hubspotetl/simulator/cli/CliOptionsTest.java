package dev.hubspotetl.simulator.cli;

import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {

    @Test
    void shouldReadTheDocumentedCommandLine() {
        SimulatorConfig config = CliOptions.parse("--port=8089", "--deals=10000", "--seed=42", "--token=demo-token",
                "--rate-limit=100/10s", "--search-rate-limit=5", "--fault-rate=0.0");

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.deals()).isEqualTo(10_000);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.token()).isEqualTo("demo-token");
        assertThat(config.rateLimitRequests()).isEqualTo(100);
        assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.searchRateLimitPerSecond()).isEqualTo(5);
        assertThat(config.faultRate()).isZero();
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldTurnEveryLimitOffWithRateLimitZeroUnlessSearchIsLimitedExplicitly() {
        SimulatorConfig off = CliOptions.parse("--rate-limit=0");
        SimulatorConfig searchOnly = CliOptions.parse("--rate-limit=0", "--search-rate-limit=3");

        assertThat(off.rateLimited()).isFalse();
        assertThat(off.searchRateLimitPerSecond()).isZero();
        assertThat(searchOnly.searchRateLimitPerSecond()).isEqualTo(3);
    }

    @Test
    void shouldReadFaultsDurationsAndBooleanFlags() {
        SimulatorConfig config = CliOptions.parse("--fault-rate=0.25", "--fault-kinds=502,slow", "--slow-delay=750ms",
                "--mutate-between-pages", "--shared-modification-deals=10", "--rate-limit=150/PT10S");

        assertThat(config.faultKinds()).containsExactlyInAnyOrder(FaultKind.HTTP_502, FaultKind.SLOW);
        assertThat(config.slowAnswerDelay()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.mutateBetweenPages()).isTrue();
        assertThat(config.sharedModificationInstantDeals()).isEqualTo(10);
        assertThat(config.rateLimitRequests()).isEqualTo(150);
    }

    @Test
    void shouldRejectUnknownFlagsAndBadValuesNamingTheFlag() {
        assertThatThrownBy(() -> CliOptions.parse("--dealz=5")).hasMessageContaining("dealz");
        assertThatThrownBy(() -> CliOptions.parse("--deals=many")).hasMessageContaining("--deals");
        assertThatThrownBy(() -> CliOptions.parse("--rate-limit=100")).hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> CliOptions.parse("deals=5")).hasMessageContaining("--name=value");
    }

    @Test
    void shouldListEveryFlagInTheHelp() {
        String help = CliOptions.help();

        for (String flag : new String[] {"--port=", "--deals=", "--seed=", "--token=", "--rate-limit=",
                "--search-rate-limit=", "--fault-rate=", "--fault-kinds=", "--slow-delay=", "--archived-share=",
                "--shared-modification-deals=", "--mutate-between-pages=", "--max-url-length=", "--max-search-body=",
                "--threads=", "--bind=", "--help"}) {
            assertThat(help).contains(flag);
        }
    }
}
