package dev.hubspotetl.simulator.cli;

/**
 * Entry point of {@code java -jar hubspot-simulator.jar}. It holds no logger: logback must learn
 * where its configuration is before the first logger exists.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Not logback.xml: a jar that others depend on must not impose its logging on them.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "hubspot-simulator-logback.xml");
        }
        int exitCode = Standalone.run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
