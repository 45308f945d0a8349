package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.api.ApiApplication;
import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.SharedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An API whose request and control topics do not exist (the broker creates none on its own): the
 * broker never acknowledges, so submit and cancel answer 503 and leave no trace.
 */
@IntegrationTest
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
class PublishFailureIT {

    @LocalServerPort
    int port;

    private final JdbcTemplate jdbc = new JdbcTemplate(ApiTestEnvironment.get().dataSource);

    @DynamicPropertySource
    static void unacknowledgedTopics(DynamicPropertyRegistry registry) {
        ApiTestEnvironment.get().properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("etl.topics.scan-requests", () -> SharedKafka.uniqueTopic("never-created-requests"));
        registry.add("etl.topics.scan-control", () -> SharedKafka.uniqueTopic("never-created-control"));
        registry.add("etl.api.publish-timeout", () -> "1s");
    }

    @Test
    void shouldAnswer503AndRemoveThePendingRowWhenKafkaDoesNotAcknowledgeTheRequest() {
        ApiClient api = new ApiClient(port);

        ApiClient.Response response = api.post(KEY_A, "/api/v1/scans",
                "{\"scan_id\": \"unpublished-1\", \"credential_ref\": \"c\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("error_code").stringValue()).isEqualTo("KAFKA_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_jobs WHERE scan_id = 'unpublished-1'", Long.class))
                .isZero();
        assertThat(api.get(KEY_A, "/api/v1/scans/unpublished-1").status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer503ToACancelKafkaDoesNotAcknowledgeAndLeaveTheScanAsItWas() {
        ScanFixture.scan("unpublished-cancel", ApiTestEnvironment.ORG_A).status("running").insert(jdbc);
        ApiClient api = new ApiClient(port);

        ApiClient.Response response = api.post(KEY_A, "/api/v1/scans/unpublished-cancel/cancel", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("error_code").stringValue()).isEqualTo("KAFKA_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT status FROM scan_jobs WHERE scan_id = 'unpublished-cancel'",
                String.class)).isEqualTo("running");
    }
}
