package io.actas.token.session;

import java.time.Duration;
import java.util.Set;

import io.actas.token.impersonation.ActChain;

/**
 * What opens (or joins) a session: the (actor, subject, client) start and what policy-service granted.
 *
 * @param maxLength the session's hard limit from the policy ({@code maxSessionSeconds})
 */
public record SessionStart(ActChain act, String subjectId, String clientId, String organizationId,
        String organizationName, String reason, String flow, String ruleId, Set<String> scopes, boolean refreshAllowed,
        Duration maxLength) {
}
