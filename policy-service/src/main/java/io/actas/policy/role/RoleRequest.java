package io.actas.policy.role;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a role. */
@Schema(name = "RoleRequest", example = """
        {"name": "Support agent", "description": "Answers tickets", "audience": "support-console",
         "organizationId": "2f0c3c1e-6d1a-4a57-9d1e-5d7d1a0e3b11", "permissions": ["tickets:read", "tickets:write"]}""")
public record RoleRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @Schema(description = "a client id, or `actas` for the suite's own permissions (those apply through every client)") @NotBlank @Size(max = 200) @Pattern(regexp = Permissions.SCOPE_TOKEN, message = "must be a client id or actas") String audience,
        @NotBlank @Size(max = 64) String organizationId,
        @Schema(description = "OAuth scopes this role grants") @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) @Pattern(regexp = Permissions.SCOPE_TOKEN, message = "must be an OAuth scope token (RFC 6749 §3.3)") String> permissions) {
}
