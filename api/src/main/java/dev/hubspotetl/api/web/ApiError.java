package dev.hubspotetl.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The one error body of the API, whatever went wrong and wherever (controller, filter, servlet
 * container): a stable machine-readable code, a sentence for humans, and one detail per bad field.
 */
@Schema(name = "Error", description = "Every error answer has this body.")
public record ApiError(
        @JsonProperty("error_code") @Schema(example = "VALIDATION_FAILED") String errorCode,
        @Schema(example = "The request has 2 invalid fields") String message,
        @Schema(description = "One entry per bad field or parameter; empty when the error concerns no field")
        List<Detail> details) {

    /** @param field the JSON field or query parameter at fault; null when the detail concerns none */
    public record Detail(@Schema(example = "batch_size") String field,
                         @Schema(example = "must be an integer from 1 to 100") String message) {
    }

    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ApiError of(String errorCode, String message) {
        return new ApiError(errorCode, message, List.of());
    }
}
