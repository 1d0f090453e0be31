package io.actas.token.client;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.actas.token.config.TokenConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Client secrets: generated here (256 random bits), stored as bcrypt hashes, checked off the event loop. A check for an
 * unknown client still runs bcrypt against a fixed hash, so timing does not reveal which client ids exist.
 */
@ApplicationScoped
public class SecretHasher {

    private static final int SECRET_BYTES = 32;
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final SecureRandom random = new SecureRandom();
    private final Vertx vertx;
    private final int cost;
    private final String decoyHash;

    public SecretHasher(Vertx vertx, TokenConfig config) {
        this.vertx = vertx;
        this.cost = config.clients().bcryptCost();
        this.decoyHash = BcryptUtil.bcryptHash(newSecret(), cost);
    }

    /** A new random secret: shown once to the caller, never stored. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The bcrypt hash of a secret, computed on a worker thread. */
    public Uni<String> hash(String secret) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(secret, cost)), false);
    }

    /** Whether the secret matches the hash (a {@code null} hash never matches, in the same time). */
    public Uni<Boolean> matches(String secret, String hash) {
        // unordered: concurrent checks run side by side on the worker pool
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean matches = verify(secret, hash == null ? decoyHash : hash);
            return hash != null && matches;
        }), false);
    }

    private static boolean verify(String secret, String hash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, secret.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
