package dev.hubspotetl.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SharedInfrastructureIT {

    @Test
    void shouldRunTransactionsOnTheSingleBrokerAndHideAbortedOnesFromReadCommitted() {
        String topic = SharedKafka.uniqueTopic("tx-check");
        SharedKafka.createTopics(2, topic);
        Map<String, Object> producerProps = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-check-" + topic,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readCommitted(topic, 1)).containsExactly("committed");
    }

    @Test
    void shouldGiveEachCallerItsOwnEmptyDatabaseAndTruncateTables() {
        String first = SharedPostgres.newDatabase("Infra Check");
        String second = SharedPostgres.newDatabase("Infra Check");
        assertThat(first).isNotEqualTo(second).matches("infra_check_\\d+");

        DataSource dataSource = SharedPostgres.server().dataSource(first);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE items (id SERIAL PRIMARY KEY, name TEXT)");
        jdbc.execute("CREATE TABLE flyway_schema_history (version TEXT)");
        jdbc.update("INSERT INTO items (name) VALUES ('a'), ('b')");
        jdbc.update("INSERT INTO flyway_schema_history VALUES ('1')");

        SharedPostgres.truncateAllTables(dataSource);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM items", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class)).isOne();
        jdbc.update("INSERT INTO items (name) VALUES ('c')");
        assertThat(jdbc.queryForObject("SELECT id FROM items", Integer.class)).isOne();
        assertThat(new JdbcTemplate(SharedPostgres.server().dataSource(second))
                .queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Integer.class)).isZero();
    }

    private static List<String> readCommitted(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(record.value());
                }
            }
            // one more poll: nothing else (no aborted record) may follow
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
