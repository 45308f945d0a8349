package dev.hubspotetl.extractor.hubspot;

import java.util.Objects;

/**
 * A credential reference and the token it resolves to. Messages name the reference, never the token.
 *
 * @param ref   the name a scan request uses ({@code credential_ref})
 * @param token the private-app token
 */
public record Credential(String ref, Token token) {

    public Credential {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(token, "token");
    }
}
