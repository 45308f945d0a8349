package dev.hubspotetl.loader.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed document's statements, from {@code seed/seed-statements.sql}, by the name above each. */
final class SeedStatements {

    private static final String MARKER = "-- name: ";
    private final Map<String, String> byName;

    private SeedStatements(Map<String, String> byName) {
        this.byName = byName;
    }

    static SeedStatements load() {
        try (InputStream in = SeedStatements.class.getResourceAsStream("/seed/seed-statements.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> statements = new LinkedHashMap<>();
            String[] blocks = text.split("(?m)^" + MARKER);
            for (int i = 1; i < blocks.length; i++) {
                String block = blocks[i];
                int endOfName = block.indexOf('\n');
                String sql = block.substring(endOfName + 1).trim();
                statements.put(block.substring(0, endOfName).trim(), sql.substring(0, sql.length() - 1));
            }
            return new SeedStatements(statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sql(String name) {
        String sql = byName.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("No seed statement named " + name + "; known: " + byName.keySet());
        }
        return sql;
    }

    int size() {
        return byName.size();
    }
}
