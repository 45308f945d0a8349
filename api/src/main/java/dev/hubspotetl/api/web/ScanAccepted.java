package dev.hubspotetl.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The 202 answer of a submit or a cancel: the command is in Kafka; follow the status URL. */
@Schema(name = "ScanAccepted")
public record ScanAccepted(@JsonProperty("scan_id") String scanId,
                           @Schema(description = "The scan's status when the command was accepted") String status,
                           @JsonProperty("status_url") String statusUrl,
                           String message) {
}
