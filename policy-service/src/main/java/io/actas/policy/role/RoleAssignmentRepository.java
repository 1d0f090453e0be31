package io.actas.policy.role;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The ids of the role's holders, without loading assignments into the session. */
    public Uni<List<String>> holders(String roleId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select a.userId from RoleAssignment a where a.role.id = :role", String.class)
                .setParameter("role", roleId).getResultList());
    }

    public Uni<RoleAssignment> findAssignment(String roleId, String userId) {
        return find("role.id = ?1 and userId = ?2", roleId, userId).firstResult();
    }
}
