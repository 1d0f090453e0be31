package io.actas.org.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * bcrypt hashing and verification (WildFly Elytron through {@link BcryptUtil}), off the event loop. A verification
 * without a stored hash runs against a dummy hash of the same cost, so an unknown user costs as much time as a known one.
 */
@Startup
@Singleton
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final Vertx vertx;
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(Vertx vertx, CredentialsConfig config) {
        this.vertx = vertx;
        this.cost = config.bcryptCost();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost);
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** The hash of {@code password}, computed on a worker thread; {@code null} for {@code null}. */
    public Uni<String> hash(String password) {
        if (password == null) {
            return Uni.createFrom().nullItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> hashNow(password)), false);
    }

    /** The same, on the calling thread: for startup only. */
    public String hashNow(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * Whether {@code password} matches {@code hash}, computed on a worker thread. Always does the full bcrypt work: a
     * {@code null} hash or an over-long password is checked against the dummy hash and answers {@code false}.
     */
    public Uni<Boolean> matches(String password, String hash) {
        boolean comparable = hash != null && password != null && fits(password);
        String candidate = password == null || !fits(password) ? "" : password;
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean matched = BcryptUtil.matches(candidate, comparable ? hash : dummyHash);
            return comparable && matched;
        }), false);
    }
}
