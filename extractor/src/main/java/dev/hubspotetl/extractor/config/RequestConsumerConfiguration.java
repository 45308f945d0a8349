package dev.hubspotetl.extractor.config;

import dev.hubspotetl.extractor.kafka.CheckpointStore;
import dev.hubspotetl.extractor.kafka.DeadLetterMessages;
import dev.hubspotetl.extractor.kafka.PartitionOwnership;
import dev.hubspotetl.extractor.kafka.ScanRequestListener;
import dev.hubspotetl.extractor.kafka.ScanTopics;
import dev.hubspotetl.extractor.kafka.UnanswerableRequestException;
import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.extractor.scan.ScanMetrics;
import dev.hubspotetl.extractor.scan.ScanRecords;
import dev.hubspotetl.extractor.scan.ScanRequestValidator;
import dev.hubspotetl.extractor.scan.ScanScheduler;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.ScanCheckpointSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of {@code hubspot.scan-requests}: a transactional listener container (read_committed,
 * offsets committed in the same transaction as the answer), whose rebalance listener restores and
 * releases scans, and whose after-rollback processor sends an undecodable or unanswerable record to
 * the dead-letter topic with spring-kafka's error headers plus {@code etl-stage: extractor}, in a
 * transaction that also commits its offset, so that one bad record never stops the consumer.
 */
@Configuration(proxyBeanMethods = false)
class RequestConsumerConfiguration {

    @Bean
    DefaultKafkaProducerFactory<Object, Object> requestProducerFactory(
            KafkaProperties kafka, EtlProperties etl, InstanceId instance,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) etl.extractor().transactionTimeout().toMillis());
        Serializer<Object> keys = new DelegatingByTypeSerializer(Map.of(
                String.class, new StringSerializer(), byte[].class, new ByteArraySerializer()));
        Serializer<Object> values = new DelegatingByTypeSerializer(Map.of(
                ScanEvent.class, new ScanEventSerde(),
                ScanCheckpoint.class, new ScanCheckpointSerde(),
                ScanRequest.class, new ScanRequestSerde(),
                byte[].class, new ByteArraySerializer()));
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config, keys, values);
        // Unique per running instance; a zombie is fenced through the consumer group's generation (KIP-447).
        factory.setTransactionIdPrefix(etl.extractor().transactionalIdPrefix() + "requests-" + instance.value() + "-");
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory)); // client metrics
        return factory;
    }

    @Bean
    KafkaTemplate<Object, Object> requestTemplate(DefaultKafkaProducerFactory<Object, Object> requestProducerFactory) {
        return new KafkaTemplate<>(requestProducerFactory);
    }

    @Bean
    KafkaTransactionManager<Object, Object> kafkaTransactionManager(
            DefaultKafkaProducerFactory<Object, Object> requestProducerFactory) {
        KafkaTransactionManager<Object, Object> manager = new KafkaTransactionManager<>(requestProducerFactory);
        // The listener starts an accepted scan only after its transaction has committed.
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }

    @Bean
    ScanRequestListener scanRequestListener(KafkaTemplate<Object, Object> requestTemplate, ScanTopics topics,
                                            CheckpointStore store, PartitionOwnership ownership,
                                            ScanRequestValidator validator, CancelRegistry cancels,
                                            ScanScheduler scheduler, ScanMetrics metrics, Clock clock) {
        return new ScanRequestListener(requestTemplate, topics, store, ownership, validator, cancels, scheduler,
                metrics, clock);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, ScanRequest> scanRequestContainer(
            KafkaProperties kafka, EtlProperties etl, ScanRequestListener listener, PartitionOwnership ownership,
            KafkaTransactionManager<Object, Object> kafkaTransactionManager,
            KafkaTemplate<Object, Object> requestTemplate, InstanceId instance,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (instance.configured()) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "extractor-" + instance.value());
        }
        DefaultKafkaConsumerFactory<String, ScanRequest> consumers = new DefaultKafkaConsumerFactory<>(config,
                new ErrorHandlingDeserializer<>(new StringDeserializer()),
                new ErrorHandlingDeserializer<>(new ScanRequestSerde()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(consumers)); // lag and client metrics

        ContainerProperties properties = new ContainerProperties(etl.topics().scanRequests());
        properties.setGroupId(etl.extractor().groupId());
        properties.setClientId("extractor-requests-" + instance.value());
        properties.setMessageListener(listener);
        properties.setKafkaAwareTransactionManager(kafkaTransactionManager);
        properties.setConsumerRebalanceListener(ownership);

        ConcurrentMessageListenerContainer<String, ScanRequest> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(etl.extractor().requestConsumers());
        container.setAfterRollbackProcessor(afterRollback(etl, requestTemplate));
        return container;
    }

    private static DefaultAfterRollbackProcessor<String, ScanRequest> afterRollback(
            EtlProperties etl, KafkaTemplate<Object, Object> template) {
        String dlq = etl.topics().dealsDlq();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(dlq, -1));
        recoverer.addHeadersFunction((record, exception) ->
                DeadLetterMessages.headers(record, exception, ScanRecords.STAGE));
        // Bad input is dead-lettered at once. Anything else (a broker that is away) is retried until it works:
        // a valid request must never end in the dead-letter topic because Kafka had a bad minute.
        DefaultAfterRollbackProcessor<String, ScanRequest> processor = new DefaultAfterRollbackProcessor<>(
                recoverer, backOff(), template, true);
        processor.addNotRetryableExceptions(UnanswerableRequestException.class);
        return processor;
    }

    private static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}
