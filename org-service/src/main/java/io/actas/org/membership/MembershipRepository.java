package io.actas.org.membership;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.org.common.PageRequest;
import io.actas.org.common.Query;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID> {

    public Uni<Membership> find(UUID userId, UUID organizationId) {
        return find("userId = ?1 and organizationId = ?2", userId, organizationId).firstResult();
    }

    public Uni<List<Membership>> ofUser(UUID userId) {
        return list("userId", Sort.by("createdAt").and("id"), userId);
    }

    /** At most {@code limit + 1} members of an organization, after the cursor (a user id), ordered by user id. */
    public Uni<List<Membership>> page(UUID organizationId, MembershipType type, PageRequest request) {
        Query query = Query.orderedBy("userId")
                .where("organizationId", organizationId)
                .where("type", type)
                .page(request);
        return find(query.hql(), query.sort(), query.parameters()).range(0, request.limit()).list();
    }

    /** Inserts a membership unless the user already has one there (bootstrap, possibly on two replicas at once). */
    public Uni<Integer> insertIfAbsent(Membership membership) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into memberships (id, user_id, organization_id, type, created_at)
                values (:id, :userId, :organizationId, :type, :createdAt)
                on conflict do nothing""")
                .setParameter("id", membership.id)
                .setParameter("userId", membership.userId)
                .setParameter("organizationId", membership.organizationId)
                .setParameter("type", membership.type.name())
                .setParameter("createdAt", membership.createdAt)
                .executeUpdate());
    }
}
