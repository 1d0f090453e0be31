package io.actas.policy.role;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Gives a role to a user (an org-service user id, resident in or invited to the role's organization). */
@Schema(name = "AssignmentRequest", example = """
        {"userId": "7c1e2a9b-1f3d-4e55-8a0b-9b7c2d4e6f80"}""")
public record AssignmentRequest(@NotBlank @Size(max = 64) String userId) {
}
