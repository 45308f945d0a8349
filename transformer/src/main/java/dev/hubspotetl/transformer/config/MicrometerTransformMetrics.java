package dev.hubspotetl.transformer.config;

import dev.hubspotetl.transformer.topology.TransformMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The topology's counts as Prometheus counters: {@code etl_transformer_deals_normalized_total},
 * {@code etl_transformer_deals_failed_total} and {@code etl_transformer_pages_dead_lettered_total}
 * by {@code reason}. Kafka Streams' own metrics (records/s, lag) are bound by {@link KafkaStreamsRunner}.
 */
final class MicrometerTransformMetrics implements TransformMetrics {

    private final Counter normalized;
    private final Counter failed;
    private final Map<DeadLetterReason, Counter> deadLettered = new EnumMap<>(DeadLetterReason.class);

    MicrometerTransformMetrics(MeterRegistry registry) {
        normalized = Counter.builder("etl.transformer.deals.normalized")
                .description("Deals normalized and sent to the deals topic").register(registry);
        failed = Counter.builder("etl.transformer.deals.failed")
                .description("Deals that could not be normalized (counted in TRANSFORM_FAILED events)")
                .register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettered.put(reason, Counter.builder("etl.transformer.pages.dead.lettered")
                    .description("Whole input records sent to the dead-letter topic")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void dealsNormalized(int count) {
        normalized.increment(count);
    }

    @Override
    public void dealsFailed(int count) {
        failed.increment(count);
    }

    @Override
    public void pageDeadLettered(DeadLetterReason reason) {
        deadLettered.get(reason).increment();
    }
}
