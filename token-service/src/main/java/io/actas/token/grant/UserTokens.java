package io.actas.token.grant;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.client.Client;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.Scopes;
import io.actas.token.refresh.RefreshTokenService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The token response of a user login: an access token, an ID token when {@code openid} was granted (OIDC Core §3.1.3.3),
 * and a refresh token of the login's family when the client is registered for {@code refresh_token}.
 */
@ApplicationScoped
class UserTokens {

    private final TokenIssuer issuer;
    private final RefreshTokenService refreshTokens;

    UserTokens(TokenIssuer issuer, RefreshTokenService refreshTokens) {
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Joins the caller's transaction. {@code refreshScopes} is the refresh token's scope: RFC 6749 §6 keeps it identical
     * across rotations even when an access token is asked for less.
     */
    @WithTransaction
    Uni<TokenResponse> issue(Client client, UserClaims user, Set<String> scopes, Set<String> refreshScopes,
            UUID familyId, Instant authTime, String nonce) {
        TokenSpec spec = TokenSpec.forUser(client.clientId, user, scopes, client.accessTokenLifetime(), familyId,
                authTime, nonce);
        Uni<TokenResponse> response = issuer.accessToken(spec)
                .map(signed -> new TokenResponse(signed.jwt(), TokenResponse.BEARER,
                        client.accessTokenLifetime().toSeconds(), null, Scopes.format(scopes), null, null));
        if (scopes.contains(Scopes.OPENID)) {
            response = response.flatMap(tokens -> issuer.idToken(spec).map(id -> tokens.withIdToken(id.jwt())));
        }
        if (client.allowsGrant(GrantTypes.REFRESH_TOKEN)) {
            response = response.flatMap(tokens -> refreshTokens.issue(client, user.userId(), refreshScopes, familyId, authTime)
                    .map(tokens::withRefreshToken));
        }
        return response;
    }
}
