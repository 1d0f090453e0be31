package io.actas.token.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.issue.TokenIssuer;
import io.smallrye.mutiny.Uni;

/**
 * The bearer token token-service presents to org-service ({@code orgs:read}) and policy-service ({@code policies:read}):
 * signed locally by {@link TokenIssuer} (no HTTP round trip to itself), reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    /** What token-service reads from the other services. */
    static final List<String> SCOPES = List.of("orgs:read", "policies:read");
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

    private final TokenIssuer issuer;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public ServiceToken(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** The {@code Authorization} header value. */
    public Uni<String> authorization() {
        Cached current = cached.get();
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.header());
        }
        return issuer.serviceToken(SCOPES).map(signed -> {
            Cached fresh = new Cached("Bearer " + signed.jwt(), signed.expiresAt().minus(EARLY_RENEWAL));
            cached.set(fresh);
            return fresh.header();
        });
    }

    /** Forget the token, e.g. after a 401 (a verifier that has not seen a rotated key yet). */
    public void invalidate() {
        cached.set(null);
    }

    private record Cached(String header, Instant renewAt) {
    }
}
