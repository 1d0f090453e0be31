package io.actas.token.upstream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.mutiny.Uni;

/** policy-service: what a user may be granted; fails closed ({@link UpstreamCalls}). */
@ApplicationScoped
public class PolicyClient {

    static final String SERVICE = "policy-service";

    private final PolicyRestClient rest;
    private final UpstreamCalls calls;

    public PolicyClient(@RestClient PolicyRestClient rest, UpstreamCalls calls) {
        this.rest = rest;
        this.calls = calls;
    }

    /** The scopes the user holds for the client in the organization (none when policy-service knows nothing). */
    public Uni<Set<String>> effectiveScopes(String userId, String clientId, String organizationId) {
        return calls.call(SERVICE, authorization -> rest.effective(authorization, userId, clientId, organizationId))
                .map(answer -> answer.map(permissions -> permissions.scopes() == null ? Set.<String> of()
                        : new LinkedHashSet<>(permissions.scopes())).orElse(Set.of()));
    }

    /**
     * {@code POST /api/v1/decisions/impersonation}: may the actor impersonate the subject? No answer (an outage, or a 404)
     * fails as {@link UpstreamUnavailableException}: fail closed.
     */
    public Uni<ImpersonationDecision> decideImpersonation(ImpersonationQuestion question) {
        return calls.call(SERVICE, authorization -> rest.decide(authorization, question))
                .map(answer -> answer.orElseThrow(() -> new UpstreamUnavailableException(SERVICE, null)));
    }

    /** The decision request of CONTRIBUTING.md. */
    public record ImpersonationQuestion(String actorId, String subjectId, String clientId, String organizationId,
            List<String> requestedScopes, String reason, boolean actorTokenHasAct, boolean organizationSwitch) {
    }

    /** The decision answer of CONTRIBUTING.md ({@code reasonCode} from {@code ReasonCodes}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImpersonationDecision(String decision, String reasonCode, List<String> grantedScopes,
            Integer maxSessionSeconds, boolean reasonRequired, boolean refreshAllowed, boolean chainingAllowed,
            String ruleId) {

        public static final String ALLOW = "allow";

        public boolean allowed() {
            return ALLOW.equals(decision);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EffectivePermissions(String userId, String clientId, String organizationId, List<String> scopes) {
    }
}
