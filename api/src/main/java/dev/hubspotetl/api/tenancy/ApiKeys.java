package dev.hubspotetl.api.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys ({@code etl.api.keys.<key>=<organization_id>}). Only SHA-256 digests of the
 * keys are kept, and a presented key is compared with every one of them in constant time, so neither
 * a heap dump nor response timing gives a key away.
 */
public final class ApiKeys {

    private record Entry(byte[] digest, Tenant tenant) {
    }

    private final List<Entry> entries;

    public ApiKeys(Map<String, String> organizationByKey) {
        this.entries = organizationByKey.entrySet().stream()
                .map(e -> new Entry(sha256(e.getKey()), new Tenant(e.getValue(), label(e.getKey()))))
                .toList();
    }

    /** The tenant of a presented key; empty when it is missing or unknown. */
    public Optional<Tenant> resolve(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        Tenant found = null;
        for (Entry entry : entries) {
            // No early exit: every request costs the same whichever key matches.
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                found = entry.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    /** "key-" and the first 8 hex digits of the key's SHA-256: tells keys apart in logs and audit fields. */
    public static String label(String key) {
        return "key-" + HexFormat.of().formatHex(sha256(key), 0, 4);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
