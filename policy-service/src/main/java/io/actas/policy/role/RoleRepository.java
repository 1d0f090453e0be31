package io.actas.policy.role;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<Role, String> {

    public Uni<Role> findByName(String organizationId, String audience, String name) {
        return find("organizationId = ?1 and audience = ?2 and name = ?3", organizationId, audience, name).firstResult();
    }

    /** A page of roles ({@code limit + 1} rows), optionally narrowed to an organization, an audience and a holder. */
    public Uni<List<Role>> search(String organizationId, String audience, String userId, int offset, int limit) {
        StringBuilder query = new StringBuilder("from Role r where 1 = 1");
        Parameters parameters = new Parameters();
        if (organizationId != null) {
            query.append(" and r.organizationId = :organizationId");
            parameters.and("organizationId", organizationId);
        }
        if (audience != null) {
            query.append(" and r.audience = :audience");
            parameters.and("audience", audience);
        }
        if (userId != null) {
            query.append(" and exists (from RoleAssignment a where a.role = r and a.userId = :userId)");
            parameters.and("userId", userId);
        }
        query.append(" order by r.organizationId, r.audience, r.name, r.id");
        return find(query.toString(), parameters).range(offset, offset + limit).list();
    }

    public Uni<Long> countExisting(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0L) : count("id in ?1", ids);
    }
}
