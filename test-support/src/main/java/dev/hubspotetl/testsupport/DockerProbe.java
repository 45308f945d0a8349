package dev.hubspotetl.testsupport;

import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers, once per JVM, whether a Docker engine answers. */
final class DockerProbe {

    private static volatile Boolean available;

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        Boolean known = available;
        if (known == null) {
            synchronized (DockerProbe.class) {
                if (available == null) {
                    available = probe();
                }
                known = available;
            }
        }
        return known;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
