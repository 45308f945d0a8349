package dev.hubspotetl.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.api.ApiApplication;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API tests on the shared broker and PostgreSQL: one application on a random port, whose
 * context Spring caches and reuses for every subclass (same configuration, same context).
 */
@IntegrationTest
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
abstract class ApiIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;
    final JdbcTemplate jdbc = new JdbcTemplate(ApiTestEnvironment.get().dataSource);

    @DynamicPropertySource
    static void pointAtSharedInfrastructure(DynamicPropertyRegistry registry) {
        ApiTestEnvironment.get().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** The JSON body of a 200. */
    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The fields a 400 lists in its details. */
    static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("details").forEach(d -> fields.add(d.get("field").stringValue()));
        return fields;
    }
}
