package dev.hubspotetl.extractor.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a property list over several requests so that none exceeds a length limit: HubSpot answers
 * 414 to a request target over about 16,000 characters and 400 to a search body over 3,000, and a
 * portal with hundreds of custom properties reaches both. The pages are merged by deal id afterwards.
 */
public final class PropertyChunks {

    private PropertyChunks() {
    }

    /**
     * Greedy, order-preserving split: each chunk holds as many properties as fit in {@code maxLength}
     * next to {@code fixedLength}; a property that fits nowhere gets a chunk of its own.
     */
    public static List<List<String>> split(List<String> properties, int fixedLength, int maxLength,
                                           ToIntFunction<String> cost) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = fixedLength;
        for (String property : properties) {
            int added = cost.applyAsInt(property);
            if (!current.isEmpty() && length + added > maxLength) {
                chunks.add(List.copyOf(current));
                current.clear();
                length = fixedLength;
            }
            current.add(property);
            length += added;
        }
        if (!current.isEmpty() || chunks.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }
}
