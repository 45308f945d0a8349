package dev.hubspotetl.api.web;

import dev.hubspotetl.api.scans.StatsQueries;
import dev.hubspotetl.api.scans.StatsView;
import dev.hubspotetl.api.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organization at a glance. */
@RestController
@Tag(name = "Stats")
class StatsController {

    private final StatsQueries stats;

    StatsController(StatsQueries stats) {
        this.stats = stats;
    }

    @GetMapping(path = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Scans by status, deals in total and in the last hour, items processed and failed")
    @ApiResponse(responseCode = "200", description = "The caller's organization's totals")
    @ErrorResponses
    StatsView stats(@Parameter(hidden = true) Tenant tenant) {
        return stats.of(tenant.organizationId());
    }
}
