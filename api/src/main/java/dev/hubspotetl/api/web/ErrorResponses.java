package dev.hubspotetl.api.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The error answers every /api operation can give, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "Invalid parameters, each listed in details",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "Missing or unknown X-API-Key",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@interface ErrorResponses {

    /** The answer of an operation on one scan that is missing or belongs to another organization. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", description = "No such scan in the API key's organization",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ScanScoped {
    }
}
