package dev.hubspotetl.loader.config;

import dev.hubspotetl.loader.deals.DealUpsertRepository;
import dev.hubspotetl.loader.deals.DealsListener;
import dev.hubspotetl.loader.messaging.DeadLetterPublisher;
import dev.hubspotetl.loader.messaging.ProgressPublisher;
import dev.hubspotetl.loader.offsets.ExactlyOnceBatchListener;
import dev.hubspotetl.loader.offsets.OffsetStore;
import dev.hubspotetl.loader.scans.ScanJobRepository;
import dev.hubspotetl.loader.scans.ScanMessageHandler;
import dev.hubspotetl.loader.scans.ScanTopicsListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The loader's two consumer groups (deals; scan requests, control and events), each a container of
 * byte-array consumers whose offsets live in PostgreSQL, and the producer of dead letters and
 * progress events.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    ConsumerFactory<byte[], byte[]> loaderConsumerFactory(KafkaProperties kafka, LoaderProperties properties,
                                                          MeterRegistry meters) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.loader().maxPollRecords());
        // Let one poll fill a whole batch when the topic is full (fewer, larger transactions), with
        // about two batches fetched ahead: 8 MB a partition measured about 60 MB more peak heap
        // (215 against 155 MB in the bench's loader alone).
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
        // Kafka's client metrics, consumer lag (records-lag-max) among them.
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    /** Its own bean, so that the context closes it (and its producer) on shutdown. */
    @Bean
    ProducerFactory<byte[], byte[]> loaderProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<byte[], byte[]> loaderKafkaTemplate(ProducerFactory<byte[], byte[]> loaderProducerFactory) {
        return new KafkaTemplate<>(loaderProducerFactory);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<byte[], byte[]> template, LoaderProperties properties,
                                            MeterRegistry meters) {
        return new DeadLetterPublisher(template, properties.topics().dealsDlq(), meters);
    }

    @Bean
    ProgressPublisher progressPublisher(KafkaTemplate<byte[], byte[]> template, LoaderProperties properties) {
        return new ProgressPublisher(template, properties.topics().scanEvents(), Clock.systemUTC());
    }

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> dealsContainer(
            ConsumerFactory<byte[], byte[]> consumers, LoaderProperties properties, TransactionTemplate transactions,
            OffsetStore offsets, DealUpsertRepository deals, ScanJobRepository scans,
            DeadLetterPublisher deadLetters, ProgressPublisher progress, MeterRegistry meters) {
        String group = properties.loader().dealsGroupId();
        DealsListener listener = new DealsListener(transactions, offsets, group, deals, scans, deadLetters,
                progress, meters);
        // While deals trickle in, a fetch waits for a fuller batch: the fixed cost of a transaction
        // (staging table, offsets, counters) is paid for more rows. A backlog fills it at once.
        LoaderProperties.Loader loader = properties.loader();
        Properties fetch = new Properties();
        fetch.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(loader.batchMinBytes().toBytes()));
        fetch.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(loader.batchMaxWait().toMillis()));
        return container(consumers, properties, group, loader.concurrency(), listener, fetch,
                properties.topics().deals());
    }

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> scanTopicsContainer(
            ConsumerFactory<byte[], byte[]> consumers, LoaderProperties properties, TransactionTemplate transactions,
            OffsetStore offsets, ScanMessageHandler handler, ScanJobRepository scans,
            DeadLetterPublisher deadLetters, ProgressPublisher progress) {
        String group = properties.loader().scansGroupId();
        ScanTopicsListener listener = new ScanTopicsListener(transactions, offsets, group, properties.topics(),
                handler, scans, deadLetters, progress);
        return container(consumers, properties, group, 1, listener, new Properties(),
                properties.topics().scanRequests(), properties.topics().scanControl(),
                properties.topics().scanEvents());
    }

    private static ConcurrentMessageListenerContainer<byte[], byte[]> container(
            ConsumerFactory<byte[], byte[]> consumers, LoaderProperties properties, String group, int concurrency,
            ExactlyOnceBatchListener<?> listener, Properties consumerOverrides, String... topics) {
        ContainerProperties containerProperties = new ContainerProperties(topics);
        containerProperties.setKafkaConsumerProperties(consumerOverrides);
        containerProperties.setGroupId(group);
        containerProperties.setMessageListener(listener);
        containerProperties.setConsumerRebalanceListener(listener.rebalanceListener());
        // Kafka's committed offsets only feed lag metrics; the database holds the real ones.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setSyncCommits(false);
        ConcurrentMessageListenerContainer<byte[], byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        container.setConcurrency(concurrency);
        container.setBeanName(group);
        container.setCommonErrorHandler(retryForever(properties, group));
        return container;
    }

    /** A failed batch (PostgreSQL down, a deadlock victim...) is retried until it succeeds: nothing is skipped. */
    private static DefaultErrorHandler retryForever(LoaderProperties properties, String group) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.loader().retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.loader().retryMax().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            throw new IllegalStateException("Retries never run out in group " + group, e);
        }, backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                log.warn("Record {}-{}@{} of group {} failed (attempt {}); retrying", record.topic(),
                        record.partition(), record.offset(), group, attempt, e);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
                log.warn("Batch of {} records of group {} failed (attempt {}); retrying", records.count(), group,
                        attempt, e);
            }
        });
        return handler;
    }
}
