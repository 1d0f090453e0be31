package io.actas.token.introspect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.actas.token.client.Client;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.TokenVerifier;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.Scopes;
import io.actas.token.refresh.RefreshToken;
import io.actas.token.refresh.RefreshTokenService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What RFC 7662 introspection and RFC 7009 revocation do with a token: JWT access tokens, or opaque refresh tokens. */
@ApplicationScoped
public class IntrospectionService {

    /** RFC 7009 §2.1 / RFC 7662 §2.1 {@code token_type_hint} values. */
    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final TokenVerifier verifier;
    private final RefreshTokenService refreshTokens;
    private final IssuedTokenRepository issuedTokens;

    public IntrospectionService(TokenVerifier verifier, RefreshTokenService refreshTokens,
            IssuedTokenRepository issuedTokens) {
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.issuedTokens = issuedTokens;
    }

    /**
     * RFC 7662 §2.2: {@code active} and, for an active token, its claims ({@code act} as an object, {@code imp}, org
     * claims). Anything unknown, expired, revoked or not issued here is just {@code {"active": false}}.
     */
    public Uni<Map<String, Object>> introspect(String token) {
        if (looksLikeJwt(token)) {
            return verifier.active(token, Claims.TYPE_ACCESS_TOKEN).map(claims -> claims.map(IntrospectionService::describe)
                    .orElse(INACTIVE));
        }
        return refreshTokens.find(token).map(found -> found.filter(IntrospectionService::usable)
                .map(IntrospectionService::describe).orElse(INACTIVE));
    }

    /**
     * RFC 7009 §2.1: revokes the client's token (a refresh token revokes its family, RFC 7009 §2.1 "SHOULD also
     * invalidate all access tokens based on the same authorization grant"). Unknown or invalid tokens are not an error.
     */
    public Uni<Void> revoke(Client client, String token) {
        if (looksLikeJwt(token)) {
            Optional<JwtClaims> claims = readAccessToken(token);
            if (claims.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            checkOwner(client, claims.get().getClaimValueAsString(Claims.CLIENT_ID));
            return revokeAccessToken(claims.get());
        }
        return refreshTokens.find(token).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            checkOwner(client, found.get().clientId);
            return refreshTokens.revoke(found.get());
        });
    }

    @WithTransaction
    Uni<Void> revokeAccessToken(JwtClaims claims) {
        try {
            return issuedTokens.revoke(claims.getJwtId(), Instant.now()).replaceWithVoid();
        } catch (MalformedClaimException e) {
            return Uni.createFrom().voidItem();
        }
    }

    /** RFC 7009 §2.1: the server verifies the token was issued to the client making the request. */
    private static void checkOwner(Client client, String owner) {
        if (!client.clientId.equals(owner)) {
            throw OAuthException.unauthorizedClient("The token was issued to another client.");
        }
    }

    private Optional<JwtClaims> readAccessToken(String token) {
        try {
            return Optional.of(verifier.verify(token, Claims.TYPE_ACCESS_TOKEN));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> describe(JwtClaims claims) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", TokenResponse.BEARER);
        answer.putAll(claims.getClaimsMap());
        return answer;
    }

    private static Map<String, Object> describe(RefreshToken token) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", REFRESH_TOKEN);
        answer.put(Claims.SCOPE, Scopes.format(token.scopeSet()));
        answer.put(Claims.CLIENT_ID, token.clientId);
        answer.put("sub", token.subject);
        answer.put("iat", token.issuedAt.getEpochSecond());
        answer.put("exp", token.expiresAt.getEpochSecond());
        return answer;
    }

    private static boolean usable(RefreshToken token) {
        return token.usedAt == null && token.revokedAt == null && Instant.now().isBefore(token.expiresAt);
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
