package dev.hubspotetl.api.tenancy;

/**
 * The caller of a request, as its API key identifies it.
 *
 * @param organizationId the one organization the key may see and touch
 * @param label          a non-secret name of the key for audit trails ({@code requested_by}); never the key
 */
public record Tenant(String organizationId, String label) {
}
