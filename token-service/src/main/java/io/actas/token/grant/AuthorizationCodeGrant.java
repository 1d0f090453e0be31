package io.actas.token.grant;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.authorize.AuthorizationCode;
import io.actas.token.authorize.AuthorizationCodeService;
import io.actas.token.authorize.Pkce;
import io.actas.token.client.Client;
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

    public AuthorizationCodeGrant(AuthorizationCodeService codes, RefreshTokenService families, UserTokens tokens) {
        this.codes = codes;
        this.families = families;
        this.tokens = tokens;
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
                : tokens.issue(client, codes.claims(code), code.scopeSet(), code.scopeSet(), code.familyId, code.authTime,
                        code.nonce)
                        .map(Optional::of));
    }

    private Uni<TokenResponse> replayed(AuthorizationCode code) {
        return families.revokeFamily(code.familyId, "authorization code replayed")
                .flatMap(ignored -> Uni.createFrom().failure(OAuthException.invalidGrant(INVALID_CODE)));
    }
}
