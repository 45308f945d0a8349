package dev.hubspotetl.api.web;

import dev.hubspotetl.api.config.ApiProperties;
import dev.hubspotetl.api.scans.ScanJobQueries;
import dev.hubspotetl.api.scans.ScanJobRow;
import dev.hubspotetl.api.scans.ScanLinks;
import dev.hubspotetl.api.scans.ScanNotFoundException;
import dev.hubspotetl.api.scans.ScanService;
import dev.hubspotetl.api.scans.ScanStatus;
import dev.hubspotetl.api.scans.ScanSubmission;
import dev.hubspotetl.api.scans.ScanView;
import dev.hubspotetl.api.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Starts, lists, watches, cancels and deletes the caller's scans. */
@RestController
@RequestMapping(path = ScanLinks.SCANS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Scans", description = "Start, watch, cancel and delete scans")
class ScansController {

    private final ScanService service;
    private final ScanJobQueries scans;
    private final ApiProperties.Api settings;

    ScansController(ScanService service, ScanJobQueries scans, ApiProperties properties) {
        this.service = service;
        this.scans = scans;
        this.settings = properties.api();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a scan", description = "Validates the request, records the scan as pending and "
            + "publishes the ScanRequest to Kafka; answers once the broker has acknowledged it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ScanSubmission.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; the Location header is the status URL",
            content = @Content(schema = @Schema(implementation = ScanAccepted.class)))
    @ApiResponse(responseCode = "409", description = "The scan_id exists (running or already ran)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was started",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ErrorResponses
    ResponseEntity<ScanAccepted> submit(@Parameter(hidden = true) Tenant tenant,
                                        @RequestBody(required = false) JsonNode body) {
        ScanSubmission submission = ScanSubmissionParser.parse(body, tenant);
        service.submit(tenant, submission);
        String statusUrl = ScanLinks.statusPath(submission.scanId());
        return ResponseEntity.accepted().location(URI.create(statusUrl))
                .body(new ScanAccepted(submission.scanId(), ScanStatus.PENDING.value(), statusUrl, "Scan requested"));
    }

    @GetMapping
    @Operation(summary = "List scans", description = "Newest first, optionally filtered by status and scan type.")
    @ApiResponse(responseCode = "200", description = "A page of scans")
    @ErrorResponses
    Page<ScanView> list(@Parameter(hidden = true) Tenant tenant,
                        @Parameter(description = "pending, running, completed, failed or cancelled")
                        @RequestParam(required = false) String status,
                        @Parameter(description = "e.g. deals") @RequestParam(name = "scan_type", required = false)
                        String scanType,
                        @Parameter(description = "0-based page index") @RequestParam(required = false) String page,
                        @Parameter(description = "1 to the configured maximum (500)") @RequestParam(required = false)
                        String size) {
        QueryParams params = new QueryParams();
        ScanStatus wanted = params.oneOf("status", status, ScanStatus::of, null, ScanStatus.allValues());
        String type = params.text("scan_type", scanType);
        QueryParams.Paging paging = params.paging(page, size, settings.defaultPageSize(), settings.maxPageSize());
        params.check();
        String statusValue = wanted == null ? null : wanted.value();
        List<ScanView> items = scans.list(tenant.organizationId(), statusValue, type, paging.size(), paging.offset())
                .stream().map(ScanView::of).toList();
        long total = scans.count(tenant.organizationId(), statusValue, type);
        return new Page<>(total, paging.page(), paging.size(), items);
    }

    @GetMapping("/{scanId}")
    @Operation(summary = "A scan's status and progress",
            description = "Counts, progress percent, deals/s, elapsed and estimated remaining time, error.")
    @ApiResponse(responseCode = "200", description = "The scan")
    @ErrorResponses
    @ErrorResponses.ScanScoped
    ScanView get(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId) {
        return ScanView.of(find(tenant, scanId));
    }

    @PostMapping("/{scanId}/cancel")
    @Operation(summary = "Cancel a scan", description = "Publishes a CANCEL command; the extractor stops within "
            + "a page and the loader marks the scan cancelled.")
    @ApiResponse(responseCode = "202", description = "The cancel is in Kafka",
            content = @Content(schema = @Schema(implementation = ScanAccepted.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ErrorResponses
    @ErrorResponses.ScanScoped
    ResponseEntity<ScanAccepted> cancel(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId) {
        ScanJobRow scan = service.cancel(tenant, scanId);
        String statusUrl = ScanLinks.statusPath(scanId);
        return ResponseEntity.accepted().location(URI.create(statusUrl))
                .body(new ScanAccepted(scanId, scan.status(), statusUrl, "Cancel requested"));
    }

    @DeleteMapping("/{scanId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a finished scan and its deals")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The scan is pending or running",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ErrorResponses
    @ErrorResponses.ScanScoped
    void delete(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId) {
        service.delete(tenant, scanId);
    }

    private ScanJobRow find(Tenant tenant, String scanId) {
        return scans.find(tenant.organizationId(), scanId).orElseThrow(() -> new ScanNotFoundException(scanId));
    }
}
