package dev.hubspotetl.api.web;

import dev.hubspotetl.api.config.ApiProperties;
import dev.hubspotetl.api.deals.DealExporter;
import dev.hubspotetl.api.deals.DealFilter;
import dev.hubspotetl.api.deals.DealGrouping;
import dev.hubspotetl.api.deals.DealQueries;
import dev.hubspotetl.api.deals.DealSort;
import dev.hubspotetl.api.deals.DealSummary;
import dev.hubspotetl.api.deals.DealView;
import dev.hubspotetl.api.deals.ExportFormat;
import dev.hubspotetl.api.scans.ScanJobQueries;
import dev.hubspotetl.api.scans.ScanJobRow;
import dev.hubspotetl.api.scans.ScanNotFoundException;
import dev.hubspotetl.api.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Queries one scan's deals: pages, group summaries and streamed exports. */
@RestController
@RequestMapping("/api/v1/scans/{scanId}/deals")
@Tag(name = "Deals", description = "Query, summarize and export a scan's deals")
class DealsController {

    private static final Logger log = LoggerFactory.getLogger(DealsController.class);
    private static final List<String> SORTS = Arrays.stream(DealSort.Field.values())
            .map(DealSort.Field::parameterValue).toList();
    private static final List<String> DIRECTIONS = List.of("asc", "desc");

    private final ScanJobQueries scans;
    private final DealQueries deals;
    private final DealExporter exporter;
    private final ApiProperties.Api settings;

    DealsController(ScanJobQueries scans, DealQueries deals, DealExporter exporter, ApiProperties properties) {
        this.scans = scans;
        this.deals = deals;
        this.exporter = exporter;
        this.settings = properties.api();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A page of a scan's deals", description = "Filters combine with AND; q matches name or "
            + "description case-insensitively and literally. Sorted by close_date desc unless told otherwise.")
    @ApiResponse(responseCode = "200", description = "A page of deals")
    @ErrorResponses
    @ErrorResponses.ScanScoped
    Page<DealView> list(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId,
                        @RequestParam(required = false) String stage,
                        @RequestParam(required = false) String pipeline,
                        @Parameter(description = "hubspot_owner_id") @RequestParam(required = false) String owner,
                        @Parameter(description = "ISO date or date-time, inclusive")
                        @RequestParam(name = "close_from", required = false) String closeFrom,
                        @Parameter(description = "ISO date (the whole day) or date-time, inclusive")
                        @RequestParam(name = "close_to", required = false) String closeTo,
                        @Parameter(description = "true or false; both when absent")
                        @RequestParam(required = false) String archived,
                        @Parameter(description = "Text searched in deal name and description")
                        @RequestParam(required = false) String q,
                        @Parameter(description = "close_date, amount or deal_name") @RequestParam(required = false)
                        String sort,
                        @Parameter(description = "asc or desc") @RequestParam(required = false) String direction,
                        @RequestParam(required = false) String page,
                        @RequestParam(required = false) String size) {
        QueryParams params = new QueryParams();
        DealFilter filter = params.dealFilter(stage, pipeline, owner, closeFrom, closeTo, archived, q);
        DealSort order = sort(params, sort, direction);
        QueryParams.Paging paging = params.paging(page, size, settings.defaultPageSize(), settings.maxPageSize());
        params.check();
        ScanJobRow scan = find(tenant, scanId);
        List<DealView> items = deals.page(scan.id(), filter, order, paging.size(), paging.offset());
        return new Page<>(deals.count(scan.id(), filter), paging.page(), paging.size(), items);
    }

    @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Count, total and average amount of live deals by stage, pipeline or owner")
    @ApiResponse(responseCode = "200", description = "One group per stage, pipeline or owner; null is a group")
    @ErrorResponses
    @ErrorResponses.ScanScoped
    DealSummary summary(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId,
                        @Parameter(description = "stage (default), pipeline or owner")
                        @RequestParam(required = false) String groupBy,
                        @Parameter(hidden = true) @RequestParam(name = "group_by", required = false) String groupBySnake) {
        QueryParams params = new QueryParams();
        DealGrouping grouping = params.oneOf("groupBy", groupBy != null ? groupBy : groupBySnake, DealGrouping::of,
                DealGrouping.STAGE, Arrays.stream(DealGrouping.values()).map(DealGrouping::parameterValue).toList());
        params.check();
        ScanJobRow scan = find(tenant, scanId);
        return new DealSummary(scanId, grouping.parameterValue(), deals.summary(scan.id(), grouping));
    }

    @GetMapping("/export")
    @Operation(summary = "Every matching deal, streamed as CSV or NDJSON",
            description = "Same filters and sort as the list, no paging; memory use does not grow with the scan.")
    @ApiResponse(responseCode = "200", description = "The deals, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))})
    @ErrorResponses
    @ErrorResponses.ScanScoped
    ResponseEntity<StreamingResponseBody> export(@Parameter(hidden = true) Tenant tenant, @PathVariable String scanId,
                                                 @Parameter(description = "csv (default) or ndjson")
                                                 @RequestParam(required = false) String format,
                                                 @RequestParam(required = false) String stage,
                                                 @RequestParam(required = false) String pipeline,
                                                 @RequestParam(required = false) String owner,
                                                 @RequestParam(name = "close_from", required = false) String closeFrom,
                                                 @RequestParam(name = "close_to", required = false) String closeTo,
                                                 @RequestParam(required = false) String archived,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String direction) {
        QueryParams params = new QueryParams();
        ExportFormat exportFormat = params.oneOf("format", format, ExportFormat::of, ExportFormat.CSV,
                Arrays.stream(ExportFormat.values()).map(ExportFormat::parameterValue).toList());
        DealFilter filter = params.dealFilter(stage, pipeline, owner, closeFrom, closeTo, archived, q);
        DealSort order = sort(params, sort, direction);
        params.check();
        ScanJobRow scan = find(tenant, scanId);
        StreamingResponseBody body = out -> {
            long rows = exporter.export(scan.id(), filter, order, exportFormat, out);
            log.debug("Exported {} deals of scan {} as {}", rows, scanId, exportFormat);
        };
        String filename = "deals-" + scanId.replaceAll("[^A-Za-z0-9._-]", "_") + "." + exportFormat.parameterValue();
        return ResponseEntity.ok().contentType(exportFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private static DealSort sort(QueryParams params, String sort, String direction) {
        DealSort.Field field = params.oneOf("sort", sort, DealSort.Field::of, DealSort.DEFAULT.field(), SORTS);
        DealSort.Direction dir = params.oneOf("direction", direction, DealSort.Direction::of,
                DealSort.DEFAULT.direction(), DIRECTIONS);
        return new DealSort(field, dir);
    }

    private ScanJobRow find(Tenant tenant, String scanId) {
        return scans.find(tenant.organizationId(), scanId).orElseThrow(() -> new ScanNotFoundException(scanId));
    }
}
