package io.actas.token.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.authorize.AuthorizationCode;
import io.actas.token.authorize.AuthorizationCodeService;
import io.actas.token.authorize.Pkce;
import io.actas.token.client.Client;
import io.actas.token.impersonation.ActChain;
import io.actas.token.impersonation.Flows;
import io.actas.token.impersonation.Impersonation;
import io.actas.token.impersonation.ImpersonationConfig;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.refresh.RefreshTokenService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** RFC 6749 §4.1.3 with RFC 7636 §4.5–4.6: redeem an authorization code, once, with its PKCE verifier. */
@ApplicationScoped
public class AuthorizationCodeGrant implements TokenGrant {

    private static final String INVALID_CODE = "The authorization code is invalid, expired or already used.";

    private final AuthorizationCodeService codes;
    private final RefreshTokenService families;
    private final UserTokens tokens;
    private final ImpersonationService impersonation;
    private final String issuer;
    private final Duration defaultMaxSession;

    public AuthorizationCodeGrant(AuthorizationCodeService codes, RefreshTokenService families, UserTokens tokens,
            ImpersonationService impersonation, TokenIssuer issuer, ImpersonationConfig config) {
        this.codes = codes;
        this.families = families;
        this.tokens = tokens;
        this.impersonation = impersonation;
        this.issuer = issuer.issuer();
        this.defaultMaxSession = config.defaultMaxSession();
    }

    @Override
    public String grantType() {
        return GrantTypes.AUTHORIZATION_CODE;
    }

    @Override
    public Uni<TokenResponse> grant(Client client, OAuthParameters parameters) {
        // code (REQUIRED)
        String code = parameters.required("code");
        // redirect_uri (REQUIRED if it was included in the authorization request)
        Optional<String> redirectUri = parameters.optional("redirect_uri");
        // code_verifier (REQUIRED when the authorization request had a code_challenge) RFC 7636 §4.5
        Optional<String> verifier = parameters.optional("code_verifier");
        return codes.find(code).flatMap(found -> {
            AuthorizationCode stored = found.orElseThrow(() -> OAuthException.invalidGrant(INVALID_CODE));
            // RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it
            if (stored.consumedAt != null) {
                return replayed(stored);
            }
            checkClient(stored, client);
            checkExpiry(stored);
            checkRedirectUri(stored, redirectUri);
            checkPkce(stored, verifier);
            return redeem(stored, client).flatMap(issued -> issued.isPresent() ? Uni.createFrom().item(issued.get())
                    : replayed(stored));
        });
    }

    /** RFC 6749 §4.1.3: the code was issued to the authenticated (or identified public) client. */
    private static void checkClient(AuthorizationCode code, Client client) {
        if (!code.clientId.equals(client.clientId)) {
            throw OAuthException.invalidGrant(INVALID_CODE);
        }
    }

    /** RFC 6749 §4.1.2: codes are short-lived. */
    private static void checkExpiry(AuthorizationCode code) {
        if (!Instant.now().isBefore(code.expiresAt)) {
            throw OAuthException.invalidGrant(INVALID_CODE);
        }
    }

    /** RFC 6749 §4.1.3: identical to the authorization request's redirect_uri, when that request named one. */
    private static void checkRedirectUri(AuthorizationCode code, Optional<String> redirectUri) {
        if (code.redirectUriGiven && !redirectUri.map(code.redirectUri::equals).orElse(false)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request.");
        }
        if (!code.redirectUriGiven && redirectUri.isPresent() && !redirectUri.get().equals(code.redirectUri)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request.");
        }
    }

    /** RFC 7636 §4.6; and a verifier without a challenge is refused (PKCE downgrade, RFC 9700 §4.8.2). */
    private static void checkPkce(AuthorizationCode code, Optional<String> verifier) {
        if (code.codeChallenge == null) {
            if (verifier.isPresent()) {
                throw OAuthException.invalidGrant("code_verifier sent but the authorization request had no challenge.");
            }
            return;
        }
        String value = verifier.orElseThrow(() -> OAuthException.invalidGrant("code_verifier is required."));
        if (!Pkce.wellFormed(value) || !Pkce.matches(value, code.codeChallenge)) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge.");
        }
    }

    /** Consumes the code and issues the tokens in one transaction; empty when a concurrent request consumed it. */
    @WithTransaction
    Uni<Optional<TokenResponse>> redeem(AuthorizationCode code, Client client) {
        return codes.consume(code).flatMap(consumed -> !consumed ? Uni.createFrom().item(Optional.empty())
                : issue(code, client).map(Optional::of));
    }

    /** The login's tokens; for a code of the Curity flow, impersonated tokens of a new session (issue 5). */
    private Uni<TokenResponse> issue(AuthorizationCode code, Client client) {
        if (code.actSub == null) {
            return tokens.issue(client, codes.claims(code), code.scopeSet(), code.scopeSet(), code.familyId, code.authTime,
                    code.nonce);
        }
        Duration maxSession = code.impMaxSessionSeconds == null ? defaultMaxSession
                : Duration.ofSeconds(code.impMaxSessionSeconds);
        return impersonation.issue(new Impersonation(client, GrantTypes.AUTHORIZATION_CODE, Flows.LOGIN_PROMPT,
                ActChain.of(code.actSub, issuer), codes.claims(code), code.scopeSet(), code.impReason, code.impRuleId,
                Boolean.TRUE.equals(code.impRefreshAllowed), maxSession, code.familyId, code.authTime, code.nonce, null));
    }

    private Uni<TokenResponse> replayed(AuthorizationCode code) {
        return families.revokeFamily(code.familyId, "authorization code replayed")
                .flatMap(ignored -> Uni.createFrom().failure(OAuthException.invalidGrant(INVALID_CODE)));
    }
}
