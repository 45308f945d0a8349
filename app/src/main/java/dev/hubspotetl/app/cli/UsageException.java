package dev.hubspotetl.app.cli;

/** The command line cannot be run as given; the message says why in the user's terms. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
