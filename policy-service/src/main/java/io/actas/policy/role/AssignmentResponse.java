package io.actas.policy.role;

import java.time.Instant;

/** A role assignment as the API shows it. */
public record AssignmentResponse(String roleId, String userId, Instant assignedAt) {

    static AssignmentResponse of(RoleAssignment assignment) {
        return new AssignmentResponse(assignment.role.id, assignment.userId, assignment.assignedAt);
    }
}
