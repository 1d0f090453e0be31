package io.actas.policy.rule;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PolicyRevisionRepository implements PanacheRepositoryBase<PolicyRevision, Integer> {

    public Uni<Long> current() {
        return findById(PolicyRevision.ID).map(row -> row.revision);
    }

    /** Moves the revision; call inside the transaction that changes rules. */
    public Uni<Integer> bump() {
        return update("revision = revision + 1 where id = ?1", PolicyRevision.ID);
    }
}
