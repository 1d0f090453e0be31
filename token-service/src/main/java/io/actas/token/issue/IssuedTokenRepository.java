package io.actas.token.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IssuedTokenRepository implements PanacheRepositoryBase<IssuedToken, String> {

    public Uni<Integer> revoke(String jti, Instant now) {
        return update("revokedAt = ?1 where jti = ?2 and revokedAt is null", now, jti);
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeClient(String clientId, Instant now) {
        return update("revokedAt = ?1 where clientId = ?2 and revokedAt is null", now, clientId);
    }
}
