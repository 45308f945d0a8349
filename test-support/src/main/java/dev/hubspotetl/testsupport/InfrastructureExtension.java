package dev.hubspotetl.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a Testcontainers run visibly where Docker is missing; starts nothing itself (both parts are lazy). */
public final class InfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Infrastructure.current() == Infrastructure.TESTCONTAINERS) {
            Assumptions.assumeTrue(DockerProbe.dockerAvailable(),
                    "No Docker engine found: the Testcontainers variant of " + context.getDisplayName()
                            + " is skipped");
        }
    }
}
