package io.actas.org.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/credentials/verify}. */
public record VerifyCredentialsRequest(
        @Schema(examples = "alice") @NotNull @Size(max = 255) String username,
        @Schema(format = "password") @NotNull @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "VerifyCredentialsRequest[username=" + username + ", password=***]";
    }
}
