package dev.hubspotetl.loader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The loader: normalized deals into hubspot_deals, scan lifecycle into scan_jobs. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LoaderApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoaderApplication.class, args);
    }
}
