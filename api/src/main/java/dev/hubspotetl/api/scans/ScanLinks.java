package dev.hubspotetl.api.scans;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.util.UriUtils;
import java.nio.charset.StandardCharsets;

/** Where to go next from a scan; paths relative to the API's root, so they hold behind any proxy. */
@Schema(name = "ScanLinks")
public record ScanLinks(String self, String deals, String summary, String export, String cancel) {

    public static final String SCANS = "/api/v1/scans";

    public static ScanLinks of(String scanId) {
        String self = statusPath(scanId);
        return new ScanLinks(self, self + "/deals", self + "/deals/summary?groupBy=stage",
                self + "/deals/export?format=csv", self + "/cancel");
    }

    public static String statusPath(String scanId) {
        return SCANS + "/" + UriUtils.encodePathSegment(scanId, StandardCharsets.UTF_8);
    }
}
