package dev.hubspotetl.api.config;

import dev.hubspotetl.api.kafka.KafkaHealthIndicator;
import dev.hubspotetl.api.kafka.ScanCommandPublisher;
import dev.hubspotetl.schemas.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producer of scan requests ({@code hubspot.scan-requests}) and scan control commands
 * ({@code hubspot.scan-control}), and the admin client of the Kafka health check.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    Topics topics(ApiProperties properties) {
        return Topics.from(properties.topics());
    }

    /**
     * Values are serialized by each topic's serde before sending, so one byte-array producer serves
     * both topics. The producer gives up on a record (delivery.timeout.ms) when the API stops
     * waiting for it, so that a request answered 503 is, in all but a corner case, not delivered later.
     */
    @Bean
    ProducerFactory<byte[], byte[]> scanCommandProducerFactory(KafkaProperties kafka, ApiProperties properties,
                                                               MeterRegistry meters) {
        int timeoutMs = Math.toIntExact(properties.api().publishTimeout().toMillis());
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<byte[], byte[]> scanCommandTemplate(ProducerFactory<byte[], byte[]> scanCommandProducerFactory) {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(scanCommandProducerFactory);
        // ScanCommandPublisher logs a failed send with its scan id; spring-kafka's default listener would log it twice.
        template.setProducerListener(new ProducerListener<>() {
        });
        return template;
    }

    @Bean
    ScanCommandPublisher scanCommandPublisher(KafkaTemplate<byte[], byte[]> scanCommandTemplate, Topics topics,
                                              ApiProperties properties, MeterRegistry meters) {
        // A little beyond the producer's own delivery timeout, so that the producer settles the outcome first.
        Duration wait = properties.api().publishTimeout().plusSeconds(2);
        return new ScanCommandPublisher(scanCommandTemplate, topics, wait, meters);
    }

    /** Named so that the health contributor is "kafka" (the bean name without "HealthIndicator"). */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, ApiProperties properties) {
        Map<String, Object> config = kafka.buildAdminProperties();
        int timeoutMs = Math.toIntExact(properties.api().healthTimeout().toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return new KafkaHealthIndicator(config, properties.api().healthTimeout());
    }
}
