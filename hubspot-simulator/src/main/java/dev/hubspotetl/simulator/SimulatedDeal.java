package dev.hubspotetl.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deal as the simulated portal holds it.
 *
 * @param id          HubSpot's record id, a numeric string
 * @param properties  every defined property, as HubSpot strings: {@code ""} for unset, {@code null} allowed
 * @param createdAt   the {@code createdAt} of the API object (equals the {@code createdate} property)
 * @param updatedAt   the {@code updatedAt} of the API object (equals {@code hs_lastmodifieddate})
 * @param archived    whether the deal is in the recycle bin
 * @param archivedAt  when it was archived, {@code null} unless archived
 * @param contactIds  ids of the associated contacts
 */
public record SimulatedDeal(
        String id,
        Map<String, String> properties,
        Instant createdAt,
        Instant updatedAt,
        boolean archived,
        Instant archivedAt,
        List<String> contactIds) {

    public SimulatedDeal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        properties = PropertyValues.copyOf(Objects.requireNonNull(properties, "properties"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (archived != (archivedAt != null)) {
            throw new IllegalArgumentException("archivedAt must be set exactly when the deal is archived: " + id);
        }
        contactIds = List.copyOf(contactIds);
    }

    /** A property's value: {@code null} when unset to null or undefined. */
    public String property(String name) {
        return properties.get(name);
    }

    /** The id as a number, the order HubSpot pages its list endpoint in. */
    public long numericId() {
        return Long.parseLong(id);
    }

    /** This deal after an edit: the given properties changed and the modification time moved. */
    public SimulatedDeal edited(Map<String, String> changes, Instant modifiedAt) {
        Map<String, String> merged = new HashMap<>(properties);
        merged.putAll(changes);
        merged.put("hs_lastmodifieddate", HubSpotTime.format(modifiedAt));
        return new SimulatedDeal(id, merged, createdAt, modifiedAt, archived, archivedAt, contactIds);
    }

    /** This deal moved to the recycle bin at the given instant. */
    public SimulatedDeal archivedAt(Instant at) {
        Map<String, String> merged = new HashMap<>(properties);
        merged.put("hs_lastmodifieddate", HubSpotTime.format(at));
        return new SimulatedDeal(id, merged, createdAt, at, true, at, contactIds);
    }
}
