package io.actas.policy.permission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.policy.role.Holdings;
import io.actas.policy.role.Holdings.HeldRole;
import io.actas.policy.role.RoleAssignment;
import io.actas.policy.role.RoleAssignmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Effective permissions: the union of the user's roles in an organization for the client and for the suite. */
@ApplicationScoped
public class EffectivePermissionsService {

    private final RoleAssignmentRepository assignments;

    public EffectivePermissionsService(RoleAssignmentRepository assignments) {
        this.assignments = assignments;
    }

    public Uni<EffectivePermissions> effective(String userId, String clientId, String organizationId) {
        return holdings(List.of(userId)).map(held -> new EffectivePermissions(userId, clientId, organizationId,
                List.copyOf(held.get(userId).permissions(clientId, organizationId))));
    }

    /** The roles each user holds, in one query; a user without roles gets {@link Holdings#NONE}. */
    public Uni<Map<String, Holdings>> holdings(Collection<String> userIds) {
        return Panache.withSession(() -> assignments.forUsers(userIds)).map(rows -> {
            Map<String, List<HeldRole>> byUser = new HashMap<>();
            for (RoleAssignment row : rows) {
                byUser.computeIfAbsent(row.userId, user -> new ArrayList<>()).add(new HeldRole(row.role.id,
                        row.role.organizationId, row.role.audience, row.role.permissionSet()));
            }
            Map<String, Holdings> result = new HashMap<>();
            userIds.forEach(user -> result.put(user, new Holdings(List.copyOf(byUser.getOrDefault(user, List.of())))));
            return result;
        });
    }
}
