package dev.hubspotetl.loader.it;

import dev.hubspotetl.testsupport.SharedKafka;
import dev.hubspotetl.testsupport.SharedPostgres;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Topics and a database of their own for one test class, and the properties that point a loader at
 * them (Spring relaxed-binding names, usable as system properties or environment variables alike).
 */
final class LoaderEnvironment {

    final String requests;
    final String control;
    final String raw;
    final String deals;
    final String events;
    final String dlq;
    final String database;
    final String jdbcUrl;

    LoaderEnvironment(String name) {
        requests = SharedKafka.uniqueTopic(name + ".scan-requests");
        control = SharedKafka.uniqueTopic(name + ".scan-control");
        raw = SharedKafka.uniqueTopic(name + ".deals.raw");
        deals = SharedKafka.uniqueTopic(name + ".deals");
        events = SharedKafka.uniqueTopic(name + ".scan-events");
        dlq = SharedKafka.uniqueTopic(name + ".deals.dlq");
        SharedKafka.createTopics(3, requests, control, raw, deals, events, dlq);
        database = SharedPostgres.newDatabase(name);
        jdbcUrl = SharedPostgres.server().jdbcUrl(database);
    }

    DataSource dataSource() {
        return SharedPostgres.server().dataSource(database);
    }

    Map<String, String> properties() {
        return properties(jdbcUrl);
    }

    Map<String, String> properties(String databaseUrl) {
        Map<String, String> p = new HashMap<>();
        p.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        p.put("spring.datasource.url", databaseUrl);
        p.put("spring.datasource.username", SharedPostgres.server().username());
        p.put("spring.datasource.password", SharedPostgres.server().password());
        p.put("etl.topics.scan-requests", requests);
        p.put("etl.topics.scan-control", control);
        p.put("etl.topics.deals-raw", raw);
        p.put("etl.topics.deals", deals);
        p.put("etl.topics.scan-events", events);
        p.put("etl.topics.deals-dlq", dlq);
        p.put("etl.loader.deals-group-id", "loader-" + deals);
        p.put("etl.loader.scans-group-id", "loader-scans-" + deals);
        p.put("etl.loader.retry-max", "1s");
        p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        p.put("server.port", "0");
        p.put("etl.topic-defaults.partitions", "3");
        return p;
    }
}
