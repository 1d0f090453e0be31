package io.actas.token.impersonation;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.ReasonCodes;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.Scopes;
import io.actas.token.upstream.PolicyClient;
import io.actas.token.upstream.UpstreamUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * Asks policy-service whether an impersonation may happen (DESIGN §4) and turns a denial — or no answer — into the
 * denial event and the vague answer ({@code access_denied}, or {@code temporarily_unavailable}: fail closed).
 */
@ApplicationScoped
public class ImpersonationDecisions {

    private final PolicyClient policy;
    private final Denials denials;

    public ImpersonationDecisions(PolicyClient policy, Denials denials) {
        this.policy = policy;
        this.denials = denials;
    }

    /**
     * The decision when policy-service allows; otherwise fails after recording the denial. OIDC scopes are not
     * permissions and are not sent.
     */
    public Uni<PolicyClient.ImpersonationDecision> decide(Attempt attempt, Set<String> requestedScopes,
            boolean actorTokenHasAct) {
        return decide(attempt, requestedScopes, actorTokenHasAct, false);
    }

    /**
     * {@link #decide(Attempt, Set, boolean)}, or with {@code organizationSwitch} the organization impersonation of
     * issue 8: the actor needs {@code org_impersonation}, and {@code attempt.organizationId()} is the switched one.
     */
    public Uni<PolicyClient.ImpersonationDecision> decide(Attempt attempt, Set<String> requestedScopes,
            boolean actorTokenHasAct, boolean organizationSwitch) {
        List<String> scopes = requestedScopes.stream().filter(scope -> !Scopes.OIDC.contains(scope)).toList();
        PolicyClient.ImpersonationQuestion question = new PolicyClient.ImpersonationQuestion(attempt.actorId(),
                attempt.subjectId(), attempt.clientId(), attempt.organizationId(), scopes, attempt.reason(),
                actorTokenHasAct, organizationSwitch);
        return policy.decideImpersonation(question)
                .onFailure(UpstreamUnavailableException.class)
                .recoverWithUni(() -> denials.deny(attempt, ReasonCodes.POLICY_UNAVAILABLE, null,
                        OAuthException.temporarilyUnavailable()))
                .flatMap(decision -> decision.allowed() ? Uni.createFrom().item(decision)
                        : denials.deny(attempt, decision.reasonCode() == null ? ReasonCodes.NO_MATCHING_RULE
                                : decision.reasonCode(), decision.ruleId(), Denials.accessDenied()));
    }
}
