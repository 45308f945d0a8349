package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.app.cli.CliOptions;
import dev.hubspotetl.app.cli.CliParser;
import dev.hubspotetl.app.cli.Command;
import dev.hubspotetl.app.cli.HelpText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCliTest {

    private final CliParser parser = new CliParser(Map.of());

    @Test
    void shouldParseTheBenchCommandWithItsDefaults() {
        CliOptions options = parser.parse("bench");
        assertThat(options.command()).isEqualTo(Command.BENCH);
        assertThat(options.deals()).isEqualTo(200_000);
        assertThat(parser.parse("demo").deals()).isEqualTo(20_000);
    }

    @Test
    void shouldTakeDealsSeedAndBenchProperties() {
        CliOptions options = parser.parse("bench", "--deals=3000", "--seed=7", "--bench.budget-seconds=25",
                "--kafka-port=19092");
        assertThat(options.deals()).isEqualTo(3_000);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.kafkaPort()).isEqualTo(19_092);
        assertThat(options.springProperties()).containsEntry(BenchCommand.BUDGET_SECONDS, "25");
    }

    @Test
    void shouldRefuseABudgetRunTooShortToMeasure() {
        assertThat(BenchCommand.budgetSeconds(null)).isEqualTo(60);
        assertThat(BenchCommand.budgetSeconds("25")).isEqualTo(25);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchCommand.budgetSeconds("5"))
                .isInstanceOf(dev.hubspotetl.app.cli.UsageException.class).hasMessageContaining("bench.budget-seconds");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchCommand.budgetSeconds("soon"))
                .isInstanceOf(dev.hubspotetl.app.cli.UsageException.class);
    }

    @Test
    void shouldListBenchInTheHelp() {
        assertThat(HelpText.render()).contains("  bench ", "--bench.budget-seconds", "bench: deals of the throughput scan");
    }
}
