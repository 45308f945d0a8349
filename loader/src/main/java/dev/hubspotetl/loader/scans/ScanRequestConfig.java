package dev.hubspotetl.loader.scans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubspotetl.schemas.ScanRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's scan_jobs.config: the scan's parameters as JSON. A ScanRequest carries a credential
 * reference, never a token, so the whole request can be kept. The API writes the same JSON when it
 * creates the row first, so that a row reads the same whoever created it.
 */
public final class ScanRequestConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanRequestConfig() {
    }

    public static String toJson(ScanRequest request) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("scan_id", request.getScanId());
        config.put("organization_id", request.getOrganizationId());
        config.put("scan_type", request.getScanType());
        config.put("mode", request.getMode());
        config.put("credential_ref", request.getCredentialRef());
        config.put("batch_size", request.getBatchSize());
        config.put("properties", request.getProperties());
        config.put("include_archived", request.getIncludeArchived());
        config.put("include_associations", request.getIncludeAssociations());
        config.put("since", request.getSince() == null ? null : request.getSince().toString());
        config.put("requested_at", request.getRequestedAt().toString());
        config.put("requested_by", request.getRequestedBy());
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the config of scan " + request.getScanId(), e);
        }
    }
}
