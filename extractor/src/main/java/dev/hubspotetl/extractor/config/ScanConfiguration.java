package dev.hubspotetl.extractor.config;

import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.kafka.CheckpointStore;
import dev.hubspotetl.extractor.kafka.ScanProducers;
import dev.hubspotetl.extractor.scan.CancelRegistry;
import dev.hubspotetl.extractor.scan.ScanMetrics;
import dev.hubspotetl.extractor.scan.ScanRequestValidator;
import dev.hubspotetl.extractor.scan.ScanRunner;
import dev.hubspotetl.extractor.scan.ScanScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scan side: validation, cancels, the runner and the bounded scheduler. */
@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CancelRegistry cancelRegistry() {
        return new CancelRegistry();
    }

    @Bean
    ScanMetrics scanMetrics(MeterRegistry registry) {
        return new ScanMetrics(registry);
    }

    @Bean
    ScanRequestValidator scanRequestValidator(Credentials credentials) {
        return new ScanRequestValidator(credentials);
    }

    @Bean(destroyMethod = "close")
    ScanScheduler scanScheduler(EtlProperties etl, ScanProducers producers, CheckpointStore store,
                                Credentials credentials, HubSpotClient client, CancelRegistry cancels,
                                ScanMetrics metrics, Clock clock, MeterRegistry registry) {
        ScanRunner runner = ScanRunner.create(producers, store, credentials, client, cancels, metrics, clock,
                etl.hubspot().maxUrlLength(), etl.hubspot().maxSearchBodyChars());
        return new ScanScheduler(etl.extractor().maxConcurrentScans(), runner, cancels, registry);
    }
}
