package io.actas.policy.role;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, String> {

    /** Every assignment of these users, with its role. */
    public Uni<List<RoleAssignment>> forUsers(Collection<String> userIds) {
        return find("from RoleAssignment a join fetch a.role where a.userId in ?1", userIds).list();
    }

    public Uni<List<RoleAssignment>> forRole(String roleId, int offset, int limit) {
        return find("from RoleAssignment a where a.role.id = ?1 order by a.assignedAt, a.id", roleId)
                .range(offset, offset + limit).list();
    }

    public Uni<List<RoleAssignment>> allForRole(String roleId) {
        return list("role.id", roleId);
    }

    public Uni<RoleAssignment> findAssignment(String roleId, String userId) {
        return find("role.id = ?1 and userId = ?2", roleId, userId).firstResult();
    }
}
