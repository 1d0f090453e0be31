package io.actas.token.grant;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.client.Client;
import io.actas.token.impersonation.ImpersonatedRefresh;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.oauth.Scopes;
import io.actas.token.refresh.RefreshToken;
import io.actas.token.refresh.RefreshTokenService;
import io.actas.token.upstream.UserDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6749 §6 with rotation (RFC 9700 §4.14.2): each refresh token works once; a second use revokes the family. The user
 * is read again from org-service and policy-service, so a disabled user or a withdrawn permission takes effect.
 */
@ApplicationScoped
public class RefreshTokenGrant implements TokenGrant {

    private static final String INVALID_REFRESH_TOKEN = "The refresh token is invalid, expired or revoked.";

    private final RefreshTokenService refreshTokens;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final ImpersonatedRefresh impersonated;

    public RefreshTokenGrant(RefreshTokenService refreshTokens, UserDirectory directory, UserTokens tokens,
            ImpersonatedRefresh impersonated) {
        this.refreshTokens = refreshTokens;
        this.directory = directory;
        this.tokens = tokens;
        this.impersonated = impersonated;
    }

    @Override
    public String grantType() {
        return GrantTypes.REFRESH_TOKEN;
    }

    @Override
    public Uni<TokenResponse> grant(Client client, OAuthParameters parameters) {
        // refresh_token (REQUIRED)
        String value = parameters.required("refresh_token");
        // scope (OPTIONAL): MUST NOT include any scope not originally granted
        Optional<String> scope = parameters.optional("scope");
        return refreshTokens.find(value).flatMap(found -> {
            RefreshToken stored = found.orElseThrow(() -> OAuthException.invalidGrant(INVALID_REFRESH_TOKEN));
            checkClient(stored, client);
            if (stored.revokedAt != null) {
                throw OAuthException.invalidGrant(INVALID_REFRESH_TOKEN);
            }
            if (stored.usedAt != null) {
                return reused(stored);
            }
            checkExpiry(stored);
            Set<String> requested = narrowed(stored, scope);
            if (stored.sessionId != null) {
                // an impersonated login: only while its session lives; keeps act and imp
                return impersonated.refresh(stored, client, requested, INVALID_REFRESH_TOKEN)
                        .flatMap(issued -> issued.isPresent() ? Uni.createFrom().item(issued.get()) : reused(stored));
            }
            return directory.activeUser(stored.subject).flatMap(user -> {
                UserClaims claims = user.orElseThrow(() -> OAuthException.invalidGrant(INVALID_REFRESH_TOKEN));
                return directory.grantableScopes(claims, client.clientId, requested)
                        .flatMap(granted -> rotate(stored, client, claims, granted));
            }).flatMap(issued -> issued.isPresent() ? Uni.createFrom().item(issued.get()) : reused(stored));
        });
    }

    /** RFC 6749 §6: the refresh token was issued to the authenticated client. */
    private static void checkClient(RefreshToken token, Client client) {
        if (!token.clientId.equals(client.clientId)) {
            throw OAuthException.invalidGrant(INVALID_REFRESH_TOKEN);
        }
    }

    private static void checkExpiry(RefreshToken token) {
        if (!Instant.now().isBefore(token.expiresAt)) {
            throw OAuthException.invalidGrant(INVALID_REFRESH_TOKEN);
        }
    }

    /** RFC 6749 §6: a narrower scope may be asked for; anything beyond the original grant is invalid_scope. */
    private static Set<String> narrowed(RefreshToken token, Optional<String> scope) {
        Set<String> original = token.scopeSet();
        if (scope.isEmpty()) {
            return original;
        }
        Set<String> requested = new LinkedHashSet<>(Scopes.parse(scope.get()));
        for (String value : requested) {
            if (!original.contains(value)) {
                throw OAuthException.invalidScope("Scope '" + value + "' was not granted originally.");
            }
        }
        return requested;
    }

    /** Marks the token used and issues the next tokens of the family in one transaction; empty on a lost race. */
    @WithTransaction
    Uni<Optional<TokenResponse>> rotate(RefreshToken token, Client client, UserClaims user, Set<String> scopes) {
        return refreshTokens.markUsed(token).flatMap(marked -> !marked ? Uni.createFrom().item(Optional.empty())
                : tokens.issue(client, user, scopes, token.scopeSet(), token.familyId, token.authTime, null).map(Optional::of));
    }

    private Uni<TokenResponse> reused(RefreshToken token) {
        return refreshTokens.revokeFamily(token.familyId, "refresh token reused")
                .flatMap(ignored -> Uni.createFrom().failure(OAuthException.invalidGrant(INVALID_REFRESH_TOKEN)));
    }
}
