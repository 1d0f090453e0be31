package io.actas.token.client;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client registration (create, or full replacement on update). Lifetimes default to the server's
 * {@code actas.tokens.*} values.
 */
@Schema(description = "An OAuth client registration")
public record ClientRequest(
        @Schema(description = "Client id; generated when absent", examples = "support-console") @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "must be 1 to 128 letters, digits or . _ : -") String clientId,
        @Schema(examples = "Support console") @NotBlank @Size(max = 200) String name,
        @Schema(description = "confidential (has a secret) or public (PKCE only)") @NotNull ClientType type,
        @Schema(description = "Exact redirect URIs (authorization_code)") List<@NotBlank @Size(max = 2000) String> redirectUris,
        @Schema(description = "authorization_code, refresh_token, client_credentials, urn:ietf:params:oauth:grant-type:token-exchange, organization_switch") @NotEmpty List<@NotBlank String> grantTypes,
        @Schema(description = "Scopes the client may request") List<@NotBlank @Size(max = 200) String> scopes,
        @Positive @Max(86_400) Integer accessTokenLifetimeSeconds,
        @Positive @Max(31_536_000) Integer refreshTokenLifetimeSeconds,
        @Positive @Max(86_400) Integer impersonationTokenLifetimeSeconds,
        @Schema(description = "Whether tokens of this client may be impersonated tokens") Boolean impersonationEnabled,
        @Schema(description = "Ask a person allowed to impersonate 'act as (optional)' after login (the client is unaware)") Boolean impersonationPrompt,
        @Valid Sharing sharing,
        @Schema(description = "Organization that owns the client") @Size(max = 200) String organizationId) {

    /**
     * Organizations the client is shared with.
     *
     * @param allOrganizations every current and future organization
     * @param organizationIds a selected list (when not all)
     */
    public record Sharing(boolean allOrganizations, List<@NotBlank @Size(max = 200) String> organizationIds) {
    }
}
