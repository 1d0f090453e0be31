package io.actas.org.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /api/v1/users/{id}}: absent fields stay as they are. Username and resident organization never change.
 */
public record UpdateUserRequest(
        @Email @Size(max = 254) String email,
        @Size(max = 200) String displayName,
        @Schema(description = "active again also clears the failed-attempt count (an unlock)", enumeration = {
                "active", "disabled",
                "locked" }) @Pattern(regexp = UserStatus.PATTERN, message = "must be active, disabled or locked") String status,
        @Schema(description = "a new password, 8 to 72 bytes") @Size(min = 8, max = 72) String password){
}
