package dev.hubspotetl.app.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

class StageResourceLoaderTest {

    @Test
    void shouldAnswerEachStageWithItsOwnApplicationYml() throws IOException {
        for (Stage stage : Stage.values()) {
            Resource yml = new StageResourceLoader(stage.applicationClass()).getResource("classpath:/application.yml");

            assertThat(yml.exists()).as(stage + " application.yml").isTrue();
            String expectedName = switch (stage) {
                case LOADER -> "name: hubspot-etl-loader";
                case TRANSFORMER -> "name: hubspot-etl-transformer";
                case EXTRACTOR -> "name: hubspot-extractor";
                case API -> "name: hubspot-etl-api";
            };
            assertThat(yml.getContentAsString(StandardCharsets.UTF_8)).as(stage + " application.yml")
                    .contains(expectedName);
        }
    }

    @Test
    void shouldFindNoProfileFileTheStageDoesNotShip() {
        Resource missing = new StageResourceLoader(Stage.LOADER.applicationClass())
                .getResource("classpath:/application-local.yml");

        assertThat(missing.exists()).isFalse();
    }

    @Test
    void shouldLeaveOtherLocationsAlone() {
        Resource migration = new StageResourceLoader(Stage.API.applicationClass())
                .getResource("classpath:db/migration/V1__seed_schema.sql");

        assertThat(migration.exists()).isTrue();
    }

    @Test
    void shouldReduceCodeSourcesToTheirJarOrDirectory() throws Exception {
        assertThat(StageResourceLoader.root(URI.create("file:/m2/loader.jar").toURL())).isEqualTo("file:/m2/loader.jar");
        assertThat(StageResourceLoader.root(URI.create("file:/x/target/classes/").toURL()))
                .isEqualTo("file:/x/target/classes");
    }
}
