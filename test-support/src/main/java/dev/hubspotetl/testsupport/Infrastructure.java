package dev.hubspotetl.testsupport;

import java.util.Locale;

/**
 * Which Kafka and PostgreSQL the integration tests of this JVM use, chosen by the system property
 * {@code etl.test.infra}: {@code embedded} (the default: an in-JVM KRaft broker and io.zonky's
 * embedded PostgreSQL) or {@code testcontainers} (the Maven profile {@code etl-testcontainers}).
 */
public enum Infrastructure {
    EMBEDDED,
    TESTCONTAINERS;

    static final String PROPERTY = "etl.test.infra";

    public static Infrastructure current() {
        String value = System.getProperty(PROPERTY, "embedded").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("-D" + PROPERTY + " must be 'embedded' or 'testcontainers', was '"
                    + System.getProperty(PROPERTY) + "'", e);
        }
    }
}
