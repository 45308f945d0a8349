package dev.hubspotetl.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs in every build, so that the report always says whether the Testcontainers variant of the
 * integration tests can run on this machine: skipped, with the reason, where no Docker engine answers.
 */
class TestcontainersVariantIT {

    @Test
    void shouldReportWhetherTheTestcontainersVariantCanRunHere() {
        Assumptions.assumeTrue(DockerProbe.dockerAvailable(),
                "No Docker engine found: the Testcontainers variant of the integration tests is skipped here");
        assertThat(SharedKafka.KAFKA_IMAGE).startsWith("apache/kafka");
        assertThat(SharedPostgres.POSTGRES_IMAGE).startsWith("postgres");
    }
}
