package io.actas.policy.role;

import java.time.Instant;
import java.util.List;

/** A role as the API shows it. */
public record RoleResponse(String id, String name, String description, String audience, String organizationId,
        List<String> permissions, boolean builtIn, Instant createdAt, Instant updatedAt) {

    static RoleResponse of(Role role) {
        return new RoleResponse(role.id, role.name, role.description, role.audience, role.organizationId,
                List.copyOf(role.permissionSet()), role.builtIn, role.createdAt, role.updatedAt);
    }
}
