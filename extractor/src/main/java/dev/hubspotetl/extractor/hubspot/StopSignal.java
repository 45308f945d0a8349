package dev.hubspotetl.extractor.hubspot;

/** Asked between and during waits, so that a cancel or a shutdown never waits out a backoff. */
@FunctionalInterface
public interface StopSignal {

    StopSignal NEVER = () -> false;

    boolean stopRequested();
}
