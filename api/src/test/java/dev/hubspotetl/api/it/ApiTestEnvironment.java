package dev.hubspotetl.api.it;

import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.testsupport.SharedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The topics, the migrated database and the API keys every API integration test of this JVM shares:
 * created once, so that one application context serves all of them. Tests keep apart by scan ids and
 * organizations of their own.
 */
final class ApiTestEnvironment {

    /** Organizations and their keys (lower case: keys bound from environment variables are lower-cased). */
    static final String ORG_A = "org-alpha";
    static final String KEY_A = "alpha-key-7f3c9e21d4b86a05";
    static final String ORG_B = "org-bravo";
    static final String KEY_B = "bravo-key-1e9d4c7a02f5b368";
    static final String ORG_STATS = "org-stats";
    static final String KEY_STATS = "stats-key-5a0e8b3f91c7d246";
    static final String ORG_EXPORT = "org-export";
    static final String KEY_EXPORT = "export-key-c41f7d9a3e6b2058";

    private static volatile ApiTestEnvironment instance;

    final String requestsTopic;
    final String controlTopic;
    final String database;
    final DataSource dataSource;

    private ApiTestEnvironment() {
        requestsTopic = SharedKafka.uniqueTopic("api.scan-requests");
        controlTopic = SharedKafka.uniqueTopic("api.scan-control");
        SharedKafka.createTopics(3, requestsTopic, controlTopic);
        database = SharedPostgres.newDatabase("api");
        dataSource = SharedPostgres.server().dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    static ApiTestEnvironment get() {
        ApiTestEnvironment known = instance;
        if (known == null) {
            synchronized (ApiTestEnvironment.class) {
                if (instance == null) {
                    instance = new ApiTestEnvironment();
                }
                known = instance;
            }
        }
        return known;
    }

    /** Spring property names; the caller may override some before passing them on. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        p.put("spring.datasource.url", SharedPostgres.server().jdbcUrl(database));
        p.put("spring.datasource.username", SharedPostgres.server().username());
        p.put("spring.datasource.password", SharedPostgres.server().password());
        p.put("etl.topics.scan-requests", requestsTopic);
        p.put("etl.topics.scan-control", controlTopic);
        // Never written by the API; unique names keep the validated TopicNames record happy.
        p.put("etl.topics.deals-raw", requestsTopic + ".raw");
        p.put("etl.topics.deals", requestsTopic + ".deals");
        p.put("etl.topics.scan-events", requestsTopic + ".events");
        p.put("etl.topics.deals-dlq", requestsTopic + ".dlq");
        p.put("etl.api.keys." + KEY_A, ORG_A);
        p.put("etl.api.keys." + KEY_B, ORG_B);
        p.put("etl.api.keys." + KEY_STATS, ORG_STATS);
        p.put("etl.api.keys." + KEY_EXPORT, ORG_EXPORT);
        p.put("etl.api.publish-timeout", "5s");
        p.put("server.port", "0");
        return p;
    }
}
