package io.actas.token.key;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in memory: the one that signs now, and every stored public key by id (for verifying this server's own tokens
 * without a round trip). Replaced as a whole on load and rotation.
 */
public record KeyRing(Active active, Map<String, Verification> verification) {

    static final KeyRing EMPTY = new KeyRing(null, Map.of());

    /** The signing key. */
    public record Active(String kid, KeyAlgorithm algorithm, PrivateKey privateKey) {
    }

    /** A public key that verifies tokens carrying its {@code kid}. */
    public record Verification(String kid, KeyAlgorithm algorithm, PublicKey publicKey) {
    }

    public Optional<Verification> find(String kid) {
        return Optional.ofNullable(kid).map(verification::get);
    }
}
