package dev.hubspotetl.api.web;

import dev.hubspotetl.api.scans.ScanSubmission;
import dev.hubspotetl.api.tenancy.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a scan submission field by field and reports every bad field at once, which a binder that
 * stops at the first type error cannot do. The body is read as a JSON tree for that reason.
 */
final class ScanSubmissionParser {

    static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final Pattern CREDENTIAL_REF = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern PROPERTY = Pattern.compile("[a-z0-9_]{1,100}");
    private static final int MAX_PROPERTIES = 1000;
    private static final Set<String> KNOWN = Set.of("scan_id", "organization_id", "scan_type", "mode", "credential_ref",
            "batch_size", "properties", "include_archived", "include_associations", "since");
    private static final Set<String> SERVER_SET = Set.of("requested_at", "requested_by");

    private final JsonNode body;
    private final List<ApiError.Detail> errors = new ArrayList<>();

    private ScanSubmissionParser(JsonNode body) {
        this.body = body;
    }

    static ScanSubmission parse(JsonNode body, Tenant tenant) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new ApiError.Detail(null, "the body must be a JSON object")));
        }
        return new ScanSubmissionParser(body).parse(tenant);
    }

    private ScanSubmission parse(Tenant tenant) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (SERVER_SET.contains(field.getKey())) {
                fail(field.getKey(), "is set by the server and must not be sent");
            } else if (!KNOWN.contains(field.getKey())) {
                fail(field.getKey(), "unknown field");
            }
        }
        String scanId = text("scan_id", true, SCAN_ID, "must be 1-255 characters of A-Z a-z 0-9 . _ : -");
        String organization = text("organization_id", false, null, null);
        if (organization != null && !organization.equals(tenant.organizationId())) {
            fail("organization_id", "must be your API key's organization or left out");
        }
        String scanType = text("scan_type", false, null, null);
        if (scanType != null && !scanType.equals(ScanSubmission.DEFAULT_SCAN_TYPE)) {
            fail("scan_type", "must be 'deals', the only scan type there is");
        }
        String mode = text("mode", false, null, null);
        if (mode != null && !mode.equals(ScanSubmission.FULL) && !mode.equals(ScanSubmission.INCREMENTAL)) {
            fail("mode", "must be 'full' or 'incremental'");
        }
        String credentialRef = text("credential_ref", true, CREDENTIAL_REF,
                "must be the name of a credential: 1-100 characters of A-Z a-z 0-9 _ -");
        Integer batchSize = batchSize();
        List<String> properties = properties();
        Boolean includeArchived = bool("include_archived");
        Boolean includeAssociations = bool("include_associations");
        Instant since = since(mode == null ? ScanSubmission.FULL : mode);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ScanSubmission(scanId, ScanSubmission.DEFAULT_SCAN_TYPE, mode == null ? ScanSubmission.FULL : mode,
                credentialRef, batchSize == null ? ScanSubmission.DEFAULT_BATCH_SIZE : batchSize, properties,
                Boolean.TRUE.equals(includeArchived), Boolean.TRUE.equals(includeAssociations), since);
    }

    private String text(String name, boolean required, Pattern pattern, String patternMessage) {
        JsonNode node = present(name);
        if (node == null) {
            if (required) {
                fail(name, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            fail(name, "must be a string");
            return null;
        }
        String value = node.stringValue();
        if (pattern != null && !pattern.matcher(value).matches()) {
            fail(name, patternMessage);
            return null;
        }
        return value;
    }

    private Integer batchSize() {
        JsonNode node = present("batch_size");
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 100) {
            fail("batch_size", "must be an integer from 1 to 100");
            return null;
        }
        return node.intValue();
    }

    private List<String> properties() {
        JsonNode node = present("properties");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_PROPERTIES) {
            fail("properties", "must be an array of at most " + MAX_PROPERTIES + " property names");
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || !PROPERTY.matcher(item.stringValue()).matches()) {
                fail("properties[" + i + "]", "must be a property name of 1-100 characters of a-z 0-9 _");
            } else {
                names.add(item.stringValue());
            }
        }
        return List.copyOf(names);
    }

    private Boolean bool(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            fail(name, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private Instant since(String mode) {
        JsonNode node = present("since");
        if (ScanSubmission.FULL.equals(mode)) {
            if (node != null) {
                fail("since", "is only allowed with mode 'incremental'");
            }
            return null;
        }
        if (node == null) {
            if (ScanSubmission.INCREMENTAL.equals(mode)) {
                fail("since", "is required with mode 'incremental'");
            }
            return null;
        }
        IsoInstants.Parsed parsed = node.isString() ? IsoInstants.parse(node.stringValue()) : null;
        if (parsed == null) {
            fail("since", IsoInstants.EXPECTED);
            return null;
        }
        return parsed.start();
    }

    /** A JSON null counts as absent. */
    private JsonNode present(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private void fail(String field, String message) {
        errors.add(new ApiError.Detail(field, message));
    }
}
