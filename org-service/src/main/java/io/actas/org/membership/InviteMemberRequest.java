package io.actas.org.membership;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/organizations/{id}/members}. */
public record InviteMemberRequest(
        @Schema(description = "a user resident in an ancestor of the organization") @NotNull UUID userId) {
}
