package dev.hubspotetl.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a test class in a Testcontainers run where no Docker engine answers, before any of its
 * set-up runs; the report counts the class as skipped, with the reason. Starts nothing itself: the
 * broker and the database are started lazily by the tests that use them.
 */
public final class InfrastructureExtension implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Infrastructure.current() != Infrastructure.TESTCONTAINERS) {
            return ConditionEvaluationResult.enabled("runs on " + Infrastructure.current());
        }
        return DockerProbe.dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker engine found")
                : ConditionEvaluationResult.disabled("No Docker engine found: the Testcontainers variant of "
                        + context.getRequiredTestClass().getSimpleName() + " is skipped");
    }
}
