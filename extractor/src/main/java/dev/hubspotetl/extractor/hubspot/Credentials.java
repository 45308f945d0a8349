package dev.hubspotetl.extractor.hubspot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a scan request's credential reference to a token from the extractor's own configuration:
 * {@code etl.hubspot.credentials.<ref>} (properties or environment) or a file named after the reference
 * in {@code etl.hubspot.credentials-dir} (a mounted Kubernetes or Docker secret, read on every lookup
 * so that a rotated token is picked up).
 */
public final class Credentials {

    // A reference names a file only if it cannot climb out of the directory.
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Map<String, String> byRef;
    private final Map<String, String> byNormalizedRef = new HashMap<>();
    private final Path directory;

    public Credentials(Map<String, String> configured, Path directory) {
        this.byRef = Map.copyOf(configured);
        // ETL_HUBSPOT_CREDENTIALS_PORTAL_A binds as "portal.a": references match whatever their spelling.
        configured.forEach((ref, token) -> byNormalizedRef.put(normalize(ref), token));
        this.directory = directory;
    }

    /** The credential a reference names, if this extractor knows it. */
    public Optional<Credential> resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String token = byRef.get(ref);
        if (token == null) {
            token = byNormalizedRef.get(normalize(ref));
        }
        if (token == null) {
            token = fromDirectory(ref);
        }
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(new Credential(ref, new Token(token)));
    }

    /** Where an operator configures the reference, for error messages. */
    public String whereConfigured(String ref) {
        String property = "etl.hubspot.credentials." + ref;
        return directory == null ? property : property + " or " + directory.resolve("<ref>");
    }

    private String fromDirectory(String ref) {
        if (directory == null || !FILE_NAME.matcher(ref).matches()) {
            return null;
        }
        Path file = directory.resolve(ref);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credential file for reference '" + ref + "'", e);
        }
    }

    static String normalize(String ref) {
        return ref.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }
}
