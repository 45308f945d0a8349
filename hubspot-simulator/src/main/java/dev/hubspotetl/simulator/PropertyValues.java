package dev.hubspotetl.simulator;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, name-sorted map of property values that allows {@code null} values (HubSpot sends
 * {@code null} for some unset properties, which {@link Map#copyOf} refuses). Deals of one portal
 * share their sorted key array, so a million deals cost a million value arrays, not a million maps.
 */
final class PropertyValues extends AbstractMap<String, String> {

    private static final Map<KeySet, String[]> SHARED_KEYS = new ConcurrentHashMap<>();

    private final String[] keys;
    private final String[] values;

    private PropertyValues(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    static PropertyValues copyOf(Map<String, String> source) {
        if (source instanceof PropertyValues values) {
            return values;
        }
        TreeMap<String, String> sorted = new TreeMap<>(source);
        String[] keys = sorted.keySet().toArray(String[]::new);
        String[] shared = SHARED_KEYS.computeIfAbsent(new KeySet(keys), k -> k.keys());
        return new PropertyValues(shared, sorted.values().toArray(String[]::new));
    }

    @Override
    public String get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(keys[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    private int indexOf(Object key) {
        return key instanceof String name ? Arrays.binarySearch(keys, name) : -1;
    }

    /** Key for the shared-key cache: arrays have identity equality, this has content equality. */
    private record KeySet(String[] keys) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeySet set && Arrays.equals(keys, set.keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }
    }
}
