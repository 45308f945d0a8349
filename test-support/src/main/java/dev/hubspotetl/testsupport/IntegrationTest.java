package dev.hubspotetl.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the shared broker or database. In the Testcontainers variant it is
 * skipped, with the reason in the report, when no Docker engine is found.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(InfrastructureExtension.class)
public @interface IntegrationTest {
}
