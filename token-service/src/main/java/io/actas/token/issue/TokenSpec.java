package io.actas.token.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.actas.events.Act;
import io.actas.token.oauth.Claims;

/**
 * Everything an access token (and its ID token) says, gathered by a grant and turned into JWTs by {@link TokenIssuer} —
 * the one place that builds tokens. Impersonation grants set {@code act} and {@code imp}; the others leave them null.
 *
 * @param clientId {@code client_id}, {@code azp}, and the ID token's {@code aud}
 * @param subject {@code sub}: a user id, or the client id for client_credentials
 * @param aut {@code APPLICATION} or {@code APPLICATION_USER}
 * @param scopes granted scopes
 * @param user user claims, {@code null} for client tokens
 * @param organizationId {@code org_id} of a client token (user tokens take it from {@code user})
 * @param act RFC 8693 actor, {@code null} unless impersonated
 * @param imp impersonation session, {@code null} unless impersonated
 * @param lifetime access token lifetime
 * @param familyId the login the token belongs to (revoked together), or {@code null}
 * @param authTime when the user authenticated, for the ID token
 * @param nonce OIDC nonce of the authorization request, for the ID token
 */
public record TokenSpec(String clientId, String subject, String aut, Set<String> scopes, UserClaims user,
        String organizationId, Act act, Imp imp, Duration lifetime, UUID familyId, Instant authTime, String nonce) {

    public static TokenSpec forClient(String clientId, Set<String> scopes, String organizationId, Duration lifetime) {
        return new TokenSpec(clientId, clientId, Claims.APPLICATION, scopes, null, organizationId,
                null, null, lifetime, null, null, null);
    }

    public static TokenSpec forUser(String clientId, UserClaims user, Set<String> scopes, Duration lifetime,
            UUID familyId, Instant authTime, String nonce) {
        return new TokenSpec(clientId, user.userId(), Claims.APPLICATION_USER, scopes, user, null,
                null, null, lifetime, familyId, authTime, nonce);
    }

    /** The same token about another subject (what is recorded as the token's subject). */
    public TokenSpec withSubject(String subject) {
        return new TokenSpec(clientId, subject, aut, scopes, user, organizationId, act, imp, lifetime, familyId, authTime,
                nonce);
    }

    /** The same token, impersonated: {@code sub} stays the subject, {@code act} names the actor. */
    public TokenSpec impersonated(Act act, Imp imp, Duration lifetime) {
        return new TokenSpec(clientId, subject, aut, scopes, user, organizationId, act, imp, lifetime, familyId, authTime,
                nonce);
    }
}
