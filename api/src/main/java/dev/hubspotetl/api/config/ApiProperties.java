package dev.hubspotetl.api.config;

import dev.hubspotetl.schemas.kafka.TopicNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the API can be tuned by, bound from {@code etl.*} with the defaults in application.yml
 * and checked at start-up.
 */
@Validated
@ConfigurationProperties("etl")
public record ApiProperties(@NotNull TopicNames topics, @Valid @NotNull Api api) {

    /**
     * @param keys            API key → organization_id ({@code etl.api.keys.<key>=<org>}); none means every
     *                        request to /api is refused with 401
     * @param defaultPageSize page size of lists when the client names none
     * @param maxPageSize     largest page size a client may ask for
     * @param publishTimeout  how long a request waits for the broker's acknowledgement before answering 503
     * @param exportFetchSize rows PostgreSQL sends per round trip while an export streams
     * @param healthTimeout   how long the Kafka health check waits for the cluster to answer
     */
    public record Api(Map<@NotBlank String, @NotBlank String> keys,
                      @Min(1) @Max(10_000) int defaultPageSize, @Min(1) @Max(10_000) int maxPageSize,
                      @NotNull Duration publishTimeout, @Min(1) @Max(100_000) int exportFetchSize,
                      @NotNull Duration healthTimeout) {

        public Api {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
            if (defaultPageSize > maxPageSize) {
                throw new IllegalArgumentException("etl.api.default-page-size (" + defaultPageSize
                        + ") must not exceed etl.api.max-page-size (" + maxPageSize + ")");
            }
        }
    }
}
