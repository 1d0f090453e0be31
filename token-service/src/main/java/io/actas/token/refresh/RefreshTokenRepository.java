package io.actas.token.refresh;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /** Marks the token used if nobody did before; 0 means another request already used it. */
    public Uni<Integer> markUsed(String tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and revokedAt is null", now, tokenHash);
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeSession(String sessionId, Instant now) {
        return update("revokedAt = ?1 where sessionId = ?2 and revokedAt is null", now, sessionId);
    }

    public Uni<Integer> revokeClient(String clientId, Instant now) {
        return update("revokedAt = ?1 where clientId = ?2 and revokedAt is null", now, clientId);
    }
}
