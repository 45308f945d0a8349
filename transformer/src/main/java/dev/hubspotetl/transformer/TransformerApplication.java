package dev.hubspotetl.transformer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The transformer stage as its own process: Kafka Streams from hubspot.deals.raw to hubspot.deals,
 * hubspot.scan-events and hubspot.deals.dlq (see {@code topology.DealTopology}). No database.
 */
@SpringBootApplication
public class TransformerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransformerApplication.class, args);
    }
}
