package dev.hubspotetl.extractor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The extractor: reads scan requests from {@code hubspot.scan-requests} and cancels from
 * {@code hubspot.scan-control}, pages through HubSpot's CRM v3 deals API and publishes raw pages to
 * {@code hubspot.deals.raw} and lifecycle events to {@code hubspot.scan-events}, exactly once, with its
 * progress on the compacted checkpoint topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExtractorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExtractorApplication.class, args);
    }
}
