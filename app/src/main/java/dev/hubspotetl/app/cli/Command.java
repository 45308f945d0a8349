package dev.hubspotetl.app.cli;

import java.util.Arrays;
import java.util.Optional;

/** What {@code hubspot-etl} is asked to do: the first argument. */
public enum Command {

    DEMO("demo", "the whole pipeline on a simulated HubSpot portal, with a live progress bar and a summary"),
    RUN("run", "the same against the HubSpot base URL and credential in the configuration, no simulator"),
    BENCH("bench", "rates of the pipeline and each stage against the database ceiling and HubSpot's budget"),
    HELP("help", "this text");

    private final String word;
    private final String description;

    Command(String word, String description) {
        this.word = word;
        this.description = description;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** Whether this command starts the pipeline (and so takes the local-mode options). */
    public boolean runsPipeline() {
        return this == DEMO || this == RUN || this == BENCH;
    }

    static Optional<Command> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }
}
