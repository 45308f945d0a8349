package dev.hubspotetl.app;

import dev.hubspotetl.app.bench.BenchCommand;
import dev.hubspotetl.app.cli.CliOptions;
import dev.hubspotetl.app.cli.CliParser;
import dev.hubspotetl.app.cli.Command;
import dev.hubspotetl.app.cli.HelpText;
import dev.hubspotetl.app.cli.UsageException;
import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.console.ConsoleStyle;
import dev.hubspotetl.app.local.LocalMode;
import dev.hubspotetl.app.local.LogSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code hubspot-etl <command> [options]}: parses the command line and hands it to the command. */
public final class Main {

    /** The command line could not be understood. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.getenv(), ConsoleStyle.detect(System.getenv()));
        if (code != LocalMode.STOPPED) {
            // Ends the JVM even if a library left a non-daemon thread behind; after Ctrl-C the JVM is
            // already exiting through its shutdown hooks, and exit() would wait for them forever.
            System.exit(code);
        }
    }

    /** Runs one command line and returns its exit code; does not exit the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, Map<String, String> environment, ConsoleStyle style) {
        try {
            CliOptions options = new CliParser(environment).parse(args);
            if (options.command() == Command.HELP) {
                out.print(HelpText.render());
                return 0;
            }
            Path logFile = LogSetup.prepare(options.dataDir());
            UserConfiguration user = UserConfiguration.load(options.springProperties(), environment);
            if (options.command() == Command.BENCH) {
                return new BenchCommand(options, user, out, logFile, environment).run();
            }
            return new LocalMode(options, user, out, style, logFile).run();
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println("Run 'hubspot-etl --help' for usage.");
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LocalMode.STOPPED;
        }
    }
}
