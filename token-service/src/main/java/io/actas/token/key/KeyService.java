package io.actas.token.key;

import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import io.actas.token.config.TokenConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Signing keys: created and rotated here, stored with encrypted private parts, published as a JWK set, and kept in memory
 * as a {@link KeyRing} for signing and for verifying this server's own tokens.
 */
@ApplicationScoped
public class KeyService {

    private static final Logger LOG = Logger.getLogger(KeyService.class);

    private final SigningKeyRepository repository;
    private final KeyCipher cipher;
    private final KeyAlgorithm defaultAlgorithm;
    private final AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.EMPTY);

    public KeyService(SigningKeyRepository repository, TokenConfig config) {
        this.repository = repository;
        this.cipher = new KeyCipher(config.keys().encryptionKey());
        this.defaultAlgorithm = config.keys().algorithm();
    }

    /** The keys in memory; loaded at start and refreshed by {@link KeyRingRefresh}. */
    public KeyRing ring() {
        KeyRing current = ring.get();
        if (current.active() == null) {
            throw new IllegalStateException("The signing key ring is not loaded yet");
        }
        return current;
    }

    /** Reads every key into the ring, creating the first key on an empty database. */
    public Uni<KeyRing> load() {
        return readRing().flatMap(loaded -> loaded.active() != null ? Uni.createFrom().item(loaded)
                : createFirst().onFailure().invoke(e -> LOG.infof("Another instance created the first key: %s",
                        e.getMessage()))
                        .onFailure().recoverWithNull()
                        .flatMap(ignored -> readRing()))
                .invoke(loaded -> {
                    if (loaded.active() == null) {
                        throw new IllegalStateException("No active signing key after creating one");
                    }
                    ring.set(loaded);
                });
    }

    /** Retires the active key and makes a new one of the given algorithm (the configured default when null) active. */
    public Uni<SigningKey> rotate(KeyAlgorithm algorithm) {
        KeyAlgorithm chosen = algorithm == null ? defaultAlgorithm : algorithm;
        return retireAndCreate(chosen)
                .call(created -> load())
                .invoke(created -> LOG.infof("Signing key rotated: %s (%s) now signs", created.kid, created.algorithm));
    }

    @WithSession
    public Uni<List<SigningKey>> list() {
        return repository.listNewestFirst();
    }

    @WithSession
    public Uni<SigningKey> find(String kid) {
        return repository.findById(kid);
    }

    /** RFC 7517 JWK set of the active key and of retired keys whose tokens have not all expired. */
    @WithSession
    public Uni<List<SigningKey>> published() {
        return repository.listPublished();
    }

    @WithTransaction
    Uni<SigningKey> retireAndCreate(KeyAlgorithm algorithm) {
        Instant now = Instant.now();
        return repository.findActive()
                .call(active -> active.map(key -> {
                    key.retiredAt = now;
                    return repository.flush();
                }).orElse(Uni.createFrom().voidItem()))
                .flatMap(ignored -> repository.persist(newKey(algorithm, now)));
    }

    @WithTransaction
    Uni<SigningKey> createFirst() {
        return repository.persist(newKey(defaultAlgorithm, Instant.now()));
    }

    @WithSession
    Uni<KeyRing> readRing() {
        return repository.listAll().map(this::toRing);
    }

    private SigningKey newKey(KeyAlgorithm algorithm, Instant now) {
        KeyPair pair = algorithm.generate();
        SigningKey key = new SigningKey();
        key.kid = UUID.randomUUID().toString();
        key.algorithm = algorithm.jwsName();
        key.createdAt = now;
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(key.kid);
            jwk.setUse("sig");
            jwk.setAlgorithm(algorithm.jwsName());
            key.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot describe the new key as a JWK", e);
        }
        key.privateKey = cipher.encrypt(key.kid, pair.getPrivate().getEncoded());
        return key;
    }

    private KeyRing toRing(List<SigningKey> keys) {
        Map<String, KeyRing.Verification> verification = new HashMap<>();
        KeyRing.Active active = null;
        for (SigningKey key : keys) {
            KeyAlgorithm algorithm = KeyAlgorithm.ofJwsName(key.algorithm);
            verification.put(key.kid, new KeyRing.Verification(key.kid, algorithm, publicJwk(key).getPublicKey()));
            if (key.active()) {
                active = new KeyRing.Active(key.kid, algorithm,
                        algorithm.privateKey(cipher.decrypt(key.kid, key.privateKey)));
            }
        }
        return new KeyRing(active, Map.copyOf(verification));
    }

    static PublicJsonWebKey publicJwk(SigningKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk);
        } catch (JoseException e) {
            throw new IllegalStateException("Stored public key " + key.kid + " is not a JWK", e);
        }
    }
}
