package dev.hubspotetl.extractor.config;

import dev.hubspotetl.extractor.kafka.CheckpointStore;
import dev.hubspotetl.extractor.kafka.CheckpointTopic;
import dev.hubspotetl.extractor.kafka.ControlReader;
import dev.hubspotetl.extractor.kafka.PartitionOwnership;
import dev.hubspotetl.extractor.kafka.ScanProducers;
import dev.hubspotetl.extractor.kafka.ScanTopics;
import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.extractor.scan.ScanScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The Kafka clients besides the request consumer: per-scan transactional producers, the checkpoint
 * store, the scan-control reader and the checkpoint topic's preparation. Every client starts from
 * Boot's {@code spring.kafka.*} properties, so that bootstrap servers and security apply to all.
 */
@Configuration(proxyBeanMethods = false)
@Import(RequestConsumerConfiguration.class)
class KafkaConfiguration {

    private static final AtomicInteger READERS = new AtomicInteger();

    @Bean
    InstanceId instanceId(EtlProperties etl) {
        return InstanceId.of(etl);
    }

    @Bean
    ScanTopics scanTopics(EtlProperties etl) {
        return new ScanTopics(etl.topics().dealsRaw(), etl.topics().scanEvents(), etl.extractor().checkpointTopic());
    }

    @Bean(destroyMethod = "close")
    Admin extractorAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    CheckpointTopic checkpointTopic(Admin extractorAdmin, EtlProperties etl) {
        return new CheckpointTopic(extractorAdmin, etl.topics().scanRequests(), etl.extractor().checkpointTopic(),
                etl.topicDefaults().replicationFactor());
    }

    @Bean
    ScanProducers scanProducers(KafkaProperties kafka, EtlProperties etl, ScanTopics topics) {
        return new ScanProducers(kafka.buildProducerProperties(), etl.extractor().transactionalIdPrefix(),
                etl.extractor().transactionTimeout(), topics);
    }

    @Bean(destroyMethod = "close")
    CheckpointStore checkpointStore(KafkaProperties kafka, EtlProperties etl, Admin extractorAdmin) {
        return new CheckpointStore(etl.extractor().checkpointTopic(), () -> reader(kafka, "checkpoints"),
                extractorAdmin, etl.extractor().restoreTimeout());
    }

    @Bean
    ControlReader controlReader(KafkaProperties kafka, EtlProperties etl, CancelRegistry cancels,
                                MeterRegistry registry) {
        return new ControlReader(etl.topics().scanControl(), () -> reader(kafka, "control"), cancels, registry);
    }

    @Bean
    PartitionOwnership partitionOwnership(CheckpointStore store, ScanProducers producers,
                                          ScanScheduler scheduler, EtlProperties etl) {
        return new PartitionOwnership(store, producers, scheduler, etl.extractor().shutdownGrace());
    }

    /** A group-less, read_committed consumer for reading partitions it assigns itself. */
    static Consumer<String, byte[]> reader(KafkaProperties kafka, String purpose) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "extractor-" + purpose + "-" + READERS.incrementAndGet());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
