package dev.hubspotetl.simulator.http;

import dev.hubspotetl.simulator.dataset.PropertyCatalog;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which parts of a deal an answer shows: the named properties that exist (HubSpot silently drops
 * unknown names), always with {@code createdate, hs_lastmodifieddate, hs_object_id}, in name order,
 * and whether contact associations are included.
 */
record DealView(List<String> properties, boolean contacts) {

    static final DealView DEFAULT = of(null, false);

    /** @param requested property names, or null for HubSpot's default set */
    static DealView of(Collection<String> requested, boolean contacts) {
        TreeSet<String> names = new TreeSet<>(PropertyCatalog.ALWAYS_RETURNED);
        if (requested == null || requested.isEmpty()) {
            names.addAll(PropertyCatalog.DEFAULT_PROPERTIES);
        } else {
            requested.stream().filter(PropertyCatalog::isDefined).forEach(names::add);
        }
        return new DealView(List.copyOf(names), contacts);
    }

    /** Whether an {@code associations} parameter asks for contacts (by name or object type id). */
    static boolean wantsContacts(Collection<String> associations) {
        return associations.stream()
                .map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> a.equals("contacts") || a.equals("contact") || a.equals("0-1"));
    }
}
