package io.actas.token.impersonation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.actas.token.client.Client;
import io.actas.token.issue.UserClaims;

/**
 * An allowed impersonation, ready to be issued: who acts for whom through which client, with what the policy granted.
 *
 * @param grantType the grant the tokens are issued through (token exchange or authorization code)
 * @param flow one of {@link Flows}
 * @param subject the subject's claims (their resident organization's claims)
 * @param scopes the final scopes: requested ∩ (OIDC scopes ∪ what the policy granted)
 * @param maxSession the session's hard limit when a session is opened
 * @param familyId the login the tokens belong to (an authorization code's), or {@code null} for a new one
 * @param issuedTokenType RFC 8693 {@code issued_token_type}, for token exchange answers; {@code null} otherwise
 */
public record Impersonation(Client client, String grantType, String flow, ActChain act, UserClaims subject,
        Set<String> scopes, String reason, String ruleId, boolean refreshAllowed, Duration maxSession, UUID familyId,
        Instant authTime, String nonce, String issuedTokenType) {
}
