package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.Credentials;
import dev.hubspotetl.schemas.ScanRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What is wrong with a scan request, each problem in words a client can act on. An empty list means
 * the extractor can run it.
 */
public final class ScanRequestValidator {

    static final int MIN_BATCH = 1;
    static final int MAX_BATCH = 100;
    // HubSpot's internal property names: letters, digits and underscores (a comma or '&' would break the URL).
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_]{1,100}");

    private final Credentials credentials;

    public ScanRequestValidator(Credentials credentials) {
        this.credentials = credentials;
    }

    public List<String> problems(ScanRequest request) {
        List<String> problems = new ArrayList<>();
        if (blank(request.getOrganizationId())) {
            problems.add("organization_id is missing");
        }
        if (!"deals".equals(request.getScanType())) {
            problems.add("scan_type '" + request.getScanType() + "' is not supported; the extractor supports 'deals'");
        }
        String mode = request.getMode();
        boolean incremental = ScanRecords.INCREMENTAL.equals(mode);
        if (!ScanRecords.FULL.equals(mode) && !incremental) {
            problems.add("mode '" + mode + "' is not supported; use 'full' or 'incremental'");
        }
        if (blank(request.getCredentialRef())) {
            problems.add("credential_ref is missing");
        } else if (credentials.resolve(request.getCredentialRef()).isEmpty()) {
            problems.add("credential_ref '" + request.getCredentialRef() + "' is unknown to the extractor (configure "
                    + credentials.whereConfigured(request.getCredentialRef()) + ")");
        }
        int batch = request.getBatchSize();
        if (batch < MIN_BATCH || batch > MAX_BATCH) {
            problems.add("batch_size " + batch + " is outside " + MIN_BATCH + "-" + MAX_BATCH);
        }
        List<String> badNames = request.getProperties().stream()
                .filter(name -> name == null || !PROPERTY_NAME.matcher(name).matches())
                .map(name -> "'" + name + "'")
                .toList();
        if (!badNames.isEmpty()) {
            problems.add("properties " + String.join(", ", badNames)
                    + " are not HubSpot property names (letters, digits and underscores)");
        }
        if (incremental) {
            if (request.getSince() == null) {
                problems.add("mode 'incremental' needs 'since' (deals modified at or after it are extracted)");
            }
            if (request.getIncludeArchived()) {
                problems.add("include_archived is not supported with mode 'incremental': HubSpot's search API"
                        + " never returns archived deals; run a full scan");
            }
            if (request.getIncludeAssociations()) {
                problems.add("include_associations is not supported with mode 'incremental': HubSpot's search API"
                        + " returns no associations; run a full scan");
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
