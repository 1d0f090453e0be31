package io.actas.token.key;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    public Uni<Optional<SigningKey>> findActive() {
        return find("retiredAt is null").firstResult().map(Optional::ofNullable);
    }

    public Uni<List<SigningKey>> listNewestFirst() {
        return listAll(Sort.descending("createdAt"));
    }

    /** The JWKS: the active key, and each retired key while a token it signed has not expired. */
    public Uni<List<SigningKey>> listPublished() {
        return list("""
                from SigningKey k where k.retiredAt is null or exists (
                    select 1 from IssuedToken t where t.kid = k.kid and t.expiresAt > current_timestamp)
                order by k.createdAt desc""");
    }
}
