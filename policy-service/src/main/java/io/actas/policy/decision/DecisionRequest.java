package io.actas.policy.decision;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.actas.policy.role.Permissions;

/**
 * May {@code actorId} impersonate {@code subjectId} through {@code clientId} in {@code organizationId}?
 *
 * @param organizationId where the impersonated token will act: the token's organization, or the child organization of an
 *        {@code organization_switch}; left out = the actor's resident organization
 * @param requestedScopes none = everything the rule and the subject allow
 * @param actorTokenHasAct the actor's own token is already impersonated (chaining)
 * @param organizationSwitch the decision is for carrying an impersonation into a child organization
 */
@Schema(name = "DecisionRequest", example = """
        {"actorId": "agent-1", "subjectId": "customer-7", "clientId": "support-console",
         "organizationId": "org-a", "requestedScopes": ["tickets:read"], "reason": "TICKET-4711",
         "actorTokenHasAct": false, "organizationSwitch": false}""")
public record DecisionRequest(
        @NotBlank @Size(max = 64) String actorId,
        @NotBlank @Size(max = 64) String subjectId,
        @NotBlank @Size(max = 200) String clientId,
        @Size(max = 64) String organizationId,
        @Size(max = 100) List<@NotBlank @Size(max = 200) @Pattern(regexp = Permissions.SCOPE_TOKEN, message = "must be an OAuth scope token (RFC 6749 §3.3)") String> requestedScopes,
        @Size(max = 1000) String reason,
        boolean actorTokenHasAct,
        boolean organizationSwitch) {

    public List<String> scopes() {
        return requestedScopes == null ? List.of() : requestedScopes;
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
