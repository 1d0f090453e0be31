package io.actas.token.impersonation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.EventTypes;
import io.actas.events.TokenIssued;
import io.actas.token.client.Client;
import io.actas.token.issue.Imp;
import io.actas.token.issue.IssuedToken;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.Scopes;
import io.actas.token.outbox.Outbox;
import io.actas.token.refresh.RefreshTokenService;
import io.actas.token.session.ImpersonationSession;
import io.actas.token.session.ImpersonationSessionService;
import io.actas.token.session.SessionStart;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Issues impersonated tokens — for every flow, and for their refresh — in one transaction with the session they belong
 * to and their events: {@code sub} = subject, {@code act} = the chain, {@code imp} = {@code {sid, reason}}, the policy's
 * scopes, a lifetime of the client's impersonation token lifetime but never beyond the session's end; an ID token when
 * {@code openid} was granted; a refresh token only where the policy allowed it.
 */
@ApplicationScoped
public class ImpersonationService {

    private final ImpersonationSessionService sessions;
    private final TokenIssuer issuer;
    private final RefreshTokenService refreshTokens;
    private final Outbox outbox;

    public ImpersonationService(ImpersonationSessionService sessions, TokenIssuer issuer,
            RefreshTokenService refreshTokens, Outbox outbox) {
        this.sessions = sessions;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
    }

    /** The final scopes of an impersonated token: requested ∩ (OIDC scopes ∪ granted by the policy). */
    public static Set<String> finalScopes(Set<String> requested, List<String> granted) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (Scopes.OIDC.contains(scope) || granted != null && granted.contains(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** Opens (or joins) the session and issues its tokens. Joins the caller's transaction. */
    @WithTransaction
    public Uni<TokenResponse> issue(Impersonation impersonation) {
        UserClaims subject = impersonation.subject();
        SessionStart start = new SessionStart(impersonation.act(), subject.userId(), impersonation.client().clientId,
                subject.organizationId(), subject.organizationName(), impersonation.reason(), impersonation.flow(),
                impersonation.ruleId(), impersonation.scopes(), impersonation.refreshAllowed(),
                impersonation.maxSession());
        return sessions.open(start).flatMap(session -> tokens(impersonation.client(), impersonation.grantType(), session,
                impersonation.act(), subject, impersonation.scopes(),
                impersonation.familyId() == null ? UUID.randomUUID() : impersonation.familyId(), impersonation.authTime(),
                impersonation.nonce(), impersonation.issuedTokenType(), session.refreshAllowed));
    }

    /**
     * The next tokens of a live session (refresh): same {@code act} and {@code imp}, scopes within the session's.
     * Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<TokenResponse> reissue(Client client, ImpersonationSession session, UserClaims subject,
            Set<String> scopes, UUID familyId, Instant authTime) {
        return tokens(client, GrantTypes.REFRESH_TOKEN, session, sessions.act(session), subject, scopes, familyId,
                authTime, null, null, true);
    }

    /**
     * Delegation of an impersonated token (RFC 8693 §4.1): a token of the same session whose {@code act} chain nests the
     * session's. No refresh token: a refresh would restore the session's own chain. Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<TokenResponse> delegate(Client client, ImpersonationSession session, ActChain act, UserClaims subject,
            Set<String> scopes, String issuedTokenType) {
        return tokens(client, GrantTypes.TOKEN_EXCHANGE, session, act, subject, scopes, UUID.randomUUID(), null, null,
                issuedTokenType, false);
    }

    private Uni<TokenResponse> tokens(Client client, String grantType, ImpersonationSession session, ActChain act,
            UserClaims subject, Set<String> scopes, UUID familyId, Instant authTime, String nonce, String issuedTokenType,
            boolean refresh) {
        Duration lifetime = lifetime(client, session);
        TokenSpec spec = TokenSpec.forUser(client.clientId, subject, scopes, lifetime, familyId, authTime, nonce)
                .impersonated(act.act(), new Imp(session.id, session.reason), lifetime);
        Uni<TokenResponse> response = issuer.accessToken(spec)
                .call(signed -> announce(session, signed, IssuedToken.ACCESS_TOKEN, grantType, scopes, act))
                .map(signed -> new TokenResponse(signed.jwt(), TokenResponse.BEARER, lifetime.toSeconds(), null,
                        Scopes.format(scopes), null, issuedTokenType));
        if (scopes.contains(Scopes.OPENID)) {
            response = response.flatMap(tokens -> issuer.idToken(spec).map(id -> tokens.withIdToken(id.jwt())));
        }
        if (refresh && session.refreshAllowed && client.allowsGrant(GrantTypes.REFRESH_TOKEN)) {
            response = response.flatMap(tokens -> refreshTokens.issue(client, subject.userId(), scopes, familyId,
                    authTime == null ? session.startedAt : authTime, session.id, session.expiresAt)
                    .map(tokens::withRefreshToken));
        }
        return response;
    }

    /** The client's impersonated token lifetime, cut at the session's end. */
    private static Duration lifetime(Client client, ImpersonationSession session) {
        Duration configured = Duration.ofSeconds(client.impersonationTokenLifetime);
        Duration left = Duration.between(Instant.now(), session.expiresAt).withNanos(0);
        Duration lifetime = configured.compareTo(left) < 0 ? configured : left;
        return lifetime.isNegative() || lifetime.isZero() ? Duration.ofSeconds(1) : lifetime;
    }

    private Uni<?> announce(ImpersonationSession session, TokenIssuer.Signed signed, String tokenType, String grantType,
            Set<String> scopes, ActChain act) {
        return outbox.append(EventTypes.TOKEN_ISSUED, session.subjectId,
                new TokenIssued(session.id, signed.jti(), tokenType, grantType, act.actorId(), session.subjectId,
                        session.clientId, session.organizationId, List.copyOf(scopes), Instant.now(),
                        signed.expiresAt(), act.act()));
    }
}
