package io.actas.policy.role;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a role's name, description and permissions; its organization and audience never change. */
@Schema(name = "RoleChange", example = """
        {"name": "Support agent", "description": "Answers tickets", "permissions": ["tickets:read"]}""")
public record RoleChange(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) @Pattern(regexp = Permissions.SCOPE_TOKEN, message = "must be an OAuth scope token (RFC 6749 §3.3)") String> permissions) {
}
