package io.actas.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@link EventTypes#ROLE_ASSIGNMENT_REMOVED}: a user lost a role; {@code permissions} are the role's scopes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleAssignmentRemoved(String userId, String roleId, String roleName, String organizationId,
        List<String> permissions) {
}
