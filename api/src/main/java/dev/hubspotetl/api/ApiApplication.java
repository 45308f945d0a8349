package dev.hubspotetl.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST control and query API: publishes scan requests and cancels to Kafka, reads scan_jobs and
 * hubspot_deals from PostgreSQL. Each API key sees only its own organization's scans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
