package io.actas.token.key;

import java.time.Instant;

/**
 * A signing key as the admin API shows it (never its private part).
 *
 * @param kid key id, the JWS {@code kid} header
 * @param algorithm RS256, ES256 or EdDSA
 * @param active whether it signs new tokens
 * @param createdAt when it was made
 * @param retiredAt when it stopped signing; it stays in the JWKS until its last token expires
 */
public record KeyView(String kid, String algorithm, boolean active, Instant createdAt, Instant retiredAt) {

    static KeyView of(SigningKey key) {
        return new KeyView(key.kid, key.algorithm, key.active(), key.createdAt, key.retiredAt);
    }

    /**
     * A rotation request.
     *
     * @param algorithm the new key's algorithm; the configured default when absent
     */
    public record Rotation(KeyAlgorithm algorithm) {
    }
}
