package dev.hubspotetl.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker per test JVM, started on first use and stopped when the JVM exits: the in-JVM
 * KRaft broker of spring-kafka-test, or a Testcontainers Kafka (see {@link Infrastructure}). It is
 * configured as a single-broker production cluster needs: transactions and offsets with
 * replication factor 1, so that exactly-once producers and Kafka Streams run on it.
 */
public final class SharedKafka {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final Map<String, String> SINGLE_BROKER_SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    private static final AtomicInteger TOPIC_SEQUENCE = new AtomicInteger();
    private static volatile String bootstrapServers;

    private SharedKafka() {
    }

    /** The broker's bootstrap servers, starting it on the first call. */
    public static String bootstrapServers() {
        String known = bootstrapServers;
        if (known == null) {
            synchronized (SharedKafka.class) {
                if (bootstrapServers == null) {
                    bootstrapServers = start();
                }
                known = bootstrapServers;
            }
        }
        return known;
    }

    /** A topic name no other test of this JVM uses, so that tests never read each other's records. */
    public static String uniqueTopic(String base) {
        return base + "-" + TOPIC_SEQUENCE.incrementAndGet();
    }

    /** Creates the topics, each with {@code partitions} partitions; existing ones are left as they are. */
    public static void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + Arrays.toString(names), e);
        }
    }

    /** An admin client on the shared broker; the caller closes it. */
    public static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return Admin.create(props);
    }

    private static String start() {
        if (Infrastructure.current() == Infrastructure.TESTCONTAINERS) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            SINGLE_BROKER_SETTINGS.forEach((key, value) ->
                    container.withEnv("KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-kafka-container"));
            return container.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(SINGLE_BROKER_SETTINGS);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "stop-embedded-kafka"));
        return broker.getBrokersAsString();
    }
}
