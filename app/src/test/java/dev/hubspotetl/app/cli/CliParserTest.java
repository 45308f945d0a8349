package dev.hubspotetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliParserTest {

    private final CliParser parser = new CliParser(Map.of());

    @Test
    void shouldRunTheDemoWithItsDefaultsWhenGivenNoOptions() {
        CliOptions options = parser.parse("demo");

        assertThat(options.command()).isEqualTo(Command.DEMO);
        assertThat(options.deals()).isEqualTo(20_000);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.fast()).isFalse();
        assertThat(options.exitAfterSummary()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of(".hubspot-etl"));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(55432);
        assertThat(options.apiPort()).isEmpty();
        assertThat(options.organization()).isEqualTo("demo");
        assertThat(options.batchSize()).isEqualTo(100);
        assertThat(options.springProperties()).isEmpty();
    }

    @Test
    void shouldReadEveryOption() {
        CliOptions options = parser.parse("demo", "--deals=2_000", "--seed=7", "--fast", "--exit", "--data-dir=/tmp/x",
                "--kafka-port=19092", "--postgres-port=15432", "--api-port=0", "--org=acme", "--batch-size=50");

        assertThat(options.deals()).isEqualTo(2000);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.fast()).isTrue();
        assertThat(options.exitAfterSummary()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.apiPort()).hasValue(0);
        assertThat(options.organization()).isEqualTo("acme");
        assertThat(options.batchSize()).isEqualTo(50);
    }

    @Test
    void shouldPassDottedNamesToTheStagesAsSpringProperties() {
        CliOptions options = parser.parse("run", "--etl.hubspot.base-url=https://hubspot.example",
                "--spring.kafka.bootstrap-servers=broker:9092", "--credential-ref=portal");

        assertThat(options.springProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "etl.hubspot.base-url", "https://hubspot.example", "spring.kafka.bootstrap-servers", "broker:9092"));
        assertThat(options.credentialRef()).hasValue("portal");
        assertThat(options.organization()).isEqualTo("local");
    }

    @Test
    void shouldTakeTheDataDirectoryFromTheEnvironmentUnlessGiven() {
        CliParser withVariable = new CliParser(Map.of(CliParser.DATA_DIR_VARIABLE, "/repo/.hubspot-etl"));

        assertThat(withVariable.parse("demo").dataDir()).isEqualTo(Path.of("/repo/.hubspot-etl"));
        assertThat(withVariable.parse("demo", "--data-dir=/elsewhere").dataDir()).isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void shouldAnswerHelpWhereverItIsAsked() {
        assertThat(parser.parse().command()).isEqualTo(Command.HELP);
        assertThat(parser.parse("--help").command()).isEqualTo(Command.HELP);
        assertThat(parser.parse("-h").command()).isEqualTo(Command.HELP);
        assertThat(parser.parse("help").command()).isEqualTo(Command.HELP);
        assertThat(parser.parse("demo", "--deals=5", "--help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void shouldRefuseWhatItDoesNotKnowNamingTheArgument() {
        assertThatThrownBy(() -> parser.parse("benchmark")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown command 'benchmark'");
        assertThatThrownBy(() -> parser.parse("demo", "--dealz=5")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--dealz");
        assertThatThrownBy(() -> parser.parse("demo", "extra")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'extra'");
        assertThatThrownBy(() -> parser.parse("run", "--deals=5")).isInstanceOf(UsageException.class)
                .hasMessage("--deals applies to 'demo' only");
    }

    @Test
    void shouldRefuseValuesOutOfRange() {
        assertThatThrownBy(() -> parser.parse("demo", "--deals=0")).hasMessageContaining("from 1 to 5000000");
        assertThatThrownBy(() -> parser.parse("demo", "--deals=many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parser.parse("demo", "--kafka-port=70000")).hasMessageContaining("--kafka-port");
        assertThatThrownBy(() -> parser.parse("demo", "--batch-size=101")).hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> parser.parse("demo", "--exit=maybe")).hasMessageContaining("is a flag");
        assertThatThrownBy(() -> parser.parse("run", "--credential-ref=a b")).hasMessageContaining("--credential-ref");
        assertThatThrownBy(() -> parser.parse("demo", "--data-dir=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parser.parse("demo", "--server.port")).hasMessageContaining("needs a value");
    }

    @Test
    void shouldListEveryCommandInTheHelp() {
        String help = HelpText.render();

        for (Command command : Command.values()) {
            assertThat(help).contains("  " + command.word() + " ");
        }
        assertThat(help).contains("--deals=N", "--exit", "--fast", "--data-dir=PATH", "spring.kafka.bootstrap-servers",
                "spring.datasource.url", "etl.hubspot.base-url");
    }
}
