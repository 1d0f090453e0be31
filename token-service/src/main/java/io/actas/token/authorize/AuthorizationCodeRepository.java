package io.actas.token.authorize;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuthorizationCodeRepository implements PanacheRepositoryBase<AuthorizationCode, String> {

    /** Redeems the code if nobody did before; 0 means it was already redeemed. */
    public Uni<Integer> consume(String codeHash, Instant now) {
        return update("consumedAt = ?1 where codeHash = ?2 and consumedAt is null", now, codeHash);
    }

    public Uni<Long> deleteClient(String clientId) {
        return delete("clientId", clientId);
    }
}
