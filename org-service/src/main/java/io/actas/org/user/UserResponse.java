package io.actas.org.user;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user on the wire; never the password hash. */
public record UserResponse(
        String id,
        String username,
        String email,
        String displayName,
        @Schema(description = "the resident organization") String organizationId,
        @Schema(enumeration = {
                "active", "disabled", "locked" }) String status,
        Instant createdAt){

    public static UserResponse of(User user) {
        return new UserResponse(user.id.toString(), user.username, user.email, user.displayName,
                user.organizationId.toString(), user.status.value(), user.createdAt);
    }
}
