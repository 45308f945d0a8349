package dev.hubspotetl.loader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.testsupport.IntegrationTest;
import dev.hubspotetl.testsupport.RestartablePostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL goes away for ten seconds in mid-scan; the loader backs off, resumes and loses nothing. */
@IntegrationTest
class LoaderDatabaseOutageIT {

    private static final int DEALS = 12_000;

    @Test
    void shouldRideOutADatabaseOutageInMidScan() throws Exception {
        LoaderEnvironment env = new LoaderEnvironment("db_outage");
        try (RestartablePostgres postgres = RestartablePostgres.start();
             Feed feed = new Feed(env);
             LoaderInstance loader = LoaderInstance.start(env.properties(postgres.jdbcUrl()),
                     Map.of("spring.datasource.hikari.connection-timeout", "2000"))) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            feed.request("outage", "org-a");
            feed.started("outage", "org-a");
            for (int i = 0; i < DEALS / 2; i++) {
                feed.deal(Feed.deal("org-a", "outage", i));
            }
            feed.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> processed(jdbc) > 0);

            postgres.stop();
            for (int i = DEALS / 2; i < DEALS; i++) {
                feed.deal(Feed.deal("org-a", "outage", i));
            }
            feed.completed("outage", "org-a", DEALS);
            feed.flush();
            Thread.sleep(10_000);
            postgres.startAgain();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "completed".equals(jdbc.queryForObject(
                            "SELECT status FROM scan_jobs WHERE scan_id = 'outage'", String.class)));
            assertThat(jdbc.queryForMap("SELECT processed_items, failed_items, total_items FROM scan_jobs"))
                    .containsEntry("processed_items", DEALS).containsEntry("failed_items", 0)
                    .containsEntry("total_items", DEALS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals", Integer.class)).isEqualTo(DEALS);
            assertThat(loader.context.isRunning()).isTrue();
        }
    }

    private static int processed(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT processed_items FROM scan_jobs WHERE scan_id = 'outage'", Integer.class)
                .stream().findFirst().orElse(0);
    }
}
