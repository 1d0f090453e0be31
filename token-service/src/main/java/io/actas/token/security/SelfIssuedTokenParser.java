package io.actas.token.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.actas.token.issue.TokenVerifier;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.Scopes;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * How this service's admin APIs read bearer tokens: the other services fetch token-service's JWKS, token-service itself
 * verifies against its in-memory key ring ({@link TokenVerifier}) — no HTTP call to itself, and a rotation is seen at
 * once. Scopes become groups, as {@code smallrye.jwt.path.groups=scope} does for the other services.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SelfIssuedTokenParser implements JWTParser {

    private final TokenVerifier verifier;
    private final DefaultJWTParser fallback = new DefaultJWTParser();

    public SelfIssuedTokenParser(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JwtClaims claims;
        try {
            claims = verifier.verify(token, Claims.TYPE_ACCESS_TOKEN);
        } catch (InvalidJwtException e) {
            throw new ParseException("The bearer token is not a valid access token of this issuer", e);
        }
        Object scope = claims.getClaimValue(Claims.SCOPE);
        List<String> groups = scope instanceof String value ? List.copyOf(Scopes.parse(value)) : List.of();
        claims.setStringListClaim(org.eclipse.microprofile.jwt.Claims.groups.name(), groups);
        claims.setClaim(org.eclipse.microprofile.jwt.Claims.raw_token.name(), token);
        return new DefaultJWTCallerPrincipal(token, "JWT", claims);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parse(token);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return fallback.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return fallback.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return fallback.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return fallback.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return fallback.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return fallback.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return fallback.parseOnly(token);
    }
}
