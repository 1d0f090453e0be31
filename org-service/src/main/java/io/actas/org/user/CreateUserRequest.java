package io.actas.org.user;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/users}. */
public record CreateUserRequest(
        @Schema(description = "unique across the suite, case-insensitive, stored in lower case", examples = "alice") @NotNull @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
        @Schema(examples = "alice@example.com") @Email @Size(max = 254) String email,
        @Schema(examples = "Alice Example") @Size(max = 200) String displayName,
        @Schema(description = "the resident organization; it never changes") @NotNull UUID organizationId,
        @Schema(description = "8 to 72 bytes; stored as a bcrypt hash. Without one the user cannot log in with a password.") @Size(min = 8, max = 72) String password,
        @Schema(enumeration = {
                "active", "disabled",
                "locked" }, defaultValue = "active") @Pattern(regexp = UserStatus.PATTERN, message = "must be active, disabled or locked") String status){

    public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}";
    public static final String USERNAME_MESSAGE = "must be 1 to 255 letters, digits or . _ @ + - and start with a letter or digit";
}
