package dev.hubspotetl.extractor.config;

import dev.hubspotetl.extractor.hubspot.Backoff;
import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.extractor.hubspot.Governors;
import dev.hubspotetl.extractor.hubspot.HubSpotClient;
import dev.hubspotetl.extractor.hubspot.HubSpotMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HubSpot side: credentials, the JDK HTTP client, the rate governors and the API client. */
@Configuration(proxyBeanMethods = false)
class HubSpotConfiguration {

    @Bean
    Credentials credentials(EtlProperties etl) {
        return new Credentials(etl.hubspot().credentials(), etl.hubspot().credentialsDir());
    }

    @Bean
    HttpClient hubSpotHttpClient(EtlProperties etl) {
        // HTTP/1.1: no h2c upgrade dance against plain-HTTP stand-ins; connections are pooled all the same.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(etl.hubspot().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    Governors governors(EtlProperties etl) {
        return new Governors(etl.hubspot().rateLimit());
    }

    @Bean
    HubSpotClient hubSpotClient(HttpClient hubSpotHttpClient, EtlProperties etl, Governors governors,
                                MeterRegistry registry) {
        HubSpotProperties hubspot = etl.hubspot();
        Backoff backoff = new Backoff(hubspot.retry().baseBackoff(), hubspot.retry().maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new HubSpotClient(hubSpotHttpClient, hubspot.baseUrl(), hubspot.requestTimeout(), hubspot.retry(),
                backoff, governors, new HubSpotMetrics(registry));
    }
}
