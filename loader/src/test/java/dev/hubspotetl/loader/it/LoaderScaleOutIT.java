package dev.hubspotetl.loader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubspotetl.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two loader instances share a scan in one consumer group: the second joins in mid-scan, the first
 * (its own OS process) is then killed with SIGKILL. Nothing may be lost or counted twice.
 */
@IntegrationTest
class LoaderScaleOutIT {

    private static final int DEALS = 30_000;

    @Test
    void shouldLoadExactlyOnceWhileAnInstanceJoinsAndAnotherIsKilled() throws Exception {
        LoaderEnvironment env = new LoaderEnvironment("scale_out");
        JdbcTemplate jdbc = new JdbcTemplate(env.dataSource());
        LoaderProcess first = LoaderProcess.start("scale-out-first", env.properties());
        try (Feed feed = new Feed(env)) {
            feed.request("shared", "org-a");
            feed.started("shared", "org-a");
            feed.flush();
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "running".equals(status(jdbc)));

            int sent = produce(feed, 0, DEALS / 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> processed(jdbc) > 0);
            try (LoaderInstance second = LoaderInstance.start(env.properties(), Map.of())) {
                sent = produce(feed, sent, 2 * DEALS / 3);
                await().atMost(Duration.ofSeconds(60)).until(() -> processed(jdbc) > DEALS / 3);
                first.kill();
                assertThat(first.isAlive()).isFalse();
                sent = produce(feed, sent, DEALS);
                feed.completed("shared", "org-a", sent);
                feed.flush();

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> "completed".equals(status(jdbc)));
            }
        } finally {
            first.kill();
        }
        assertThat(jdbc.queryForMap("SELECT total_items, processed_items, failed_items, success_rate FROM scan_jobs"))
                .containsEntry("total_items", DEALS).containsEntry("processed_items", DEALS)
                .containsEntry("failed_items", 0).containsEntry("success_rate", "100.00%");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals", Integer.class)).isEqualTo(DEALS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT deal_id) FROM hubspot_deals", Integer.class))
                .isEqualTo(DEALS);
    }

    /** Sends deals [from, to) in bursts, so that the loaders work through them while the test acts. */
    private static int produce(Feed feed, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            feed.deal(Feed.deal("org-a", "shared", i));
            if (i % 1000 == 999) {
                feed.flush();
                Thread.sleep(50);
            }
        }
        feed.flush();
        return to;
    }

    private static String status(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT status FROM scan_jobs WHERE scan_id = 'shared'", String.class)
                .stream().findFirst().orElse(null);
    }

    private static int processed(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT processed_items FROM scan_jobs WHERE scan_id = 'shared'", Integer.class)
                .stream().findFirst().orElse(0);
    }
}
