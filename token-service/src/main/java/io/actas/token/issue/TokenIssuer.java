package io.actas.token.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.Act;
import io.actas.token.config.TokenConfig;
import io.actas.token.key.KeyRing;
import io.actas.token.key.KeyService;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

/**
 * The one place that builds and signs tokens: RFC 9068 access tokens (with {@code act} and {@code imp} when
 * impersonated), OIDC ID tokens, and token-service's own service token. Every signed token is recorded
 * ({@link IssuedToken}) for revocation, introspection and key retirement.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The subject and client id of the token token-service signs for its own calls. */
    public static final String SERVICE_CLIENT_ID = "token-service";
    /** {@code typ} of WSO2-style subject tokens (WSO2: {@code jwt}). */
    public static final String TYPE_SUBJECT_TOKEN = "jwt";
    /** RFC 8693 §4.4: the party authorized to become the actor. */
    public static final String MAY_ACT = "may_act";

    private final KeyService keys;
    private final IssuedTokenRepository issuedTokens;
    private final String issuer;
    private final String audience;
    private final Duration serviceTokenLifetime;

    public TokenIssuer(KeyService keys, IssuedTokenRepository issuedTokens, TokenConfig config) {
        this.keys = keys;
        this.issuedTokens = issuedTokens;
        this.issuer = config.issuer();
        this.audience = config.tokens().audience();
        this.serviceTokenLifetime = config.tokens().serviceTokenLifetime();
    }

    public String issuer() {
        return issuer;
    }

    /** An RFC 9068 access token ({@code typ: at+jwt}). Joins the caller's transaction. */
    @WithTransaction
    public Uni<Signed> accessToken(TokenSpec spec) {
        Instant now = now();
        Instant expiresAt = now.plus(spec.lifetime());
        String jti = UUID.randomUUID().toString();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", spec.subject());
        claims.put("aud", List.of(audience));
        claims.put(Claims.CLIENT_ID, spec.clientId());
        claims.put(Claims.AZP, spec.clientId());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("jti", jti);
        if (!spec.scopes().isEmpty()) {
            claims.put(Claims.SCOPE, Scopes.format(spec.scopes()));
        }
        claims.put(Claims.AUT, spec.aut());
        organizationClaims(claims, spec);
        if (spec.act() != null) {
            claims.put(Claims.ACT, actClaim(spec.act()));
        }
        if (spec.imp() != null) {
            claims.put(Claims.IMP, impClaim(spec.imp()));
        }
        return sign(claims, Claims.TYPE_ACCESS_TOKEN, IssuedToken.ACCESS_TOKEN, spec, now, expiresAt);
    }

    /** An OIDC Core §2 ID token for the access token's user; claims by scope (§5.4). Joins the caller's transaction. */
    @WithTransaction
    public Uni<Signed> idToken(TokenSpec spec) {
        Instant now = now();
        Instant expiresAt = now.plus(spec.lifetime());
        String jti = UUID.randomUUID().toString();
        UserClaims user = spec.user();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", spec.subject());
        claims.put("aud", spec.clientId());
        claims.put(Claims.AZP, spec.clientId());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", jti);
        if (spec.authTime() != null) {
            claims.put(Claims.AUTH_TIME, spec.authTime().getEpochSecond());
        }
        if (spec.nonce() != null) {
            claims.put(Claims.NONCE, spec.nonce());
        }
        if (spec.scopes().contains(Scopes.PROFILE)) {
            putIfPresent(claims, Claims.PREFERRED_USERNAME, user.username());
            putIfPresent(claims, Claims.NAME, user.displayName());
        }
        if (spec.scopes().contains(Scopes.EMAIL)) {
            putIfPresent(claims, Claims.EMAIL, user.email());
        }
        organizationClaims(claims, spec);
        if (spec.act() != null) {
            claims.put(Claims.ACT, actClaim(spec.act()));
        }
        return sign(claims, Claims.TYPE_ID_TOKEN, IssuedToken.ID_TOKEN, spec, now, expiresAt);
    }

    /**
     * A WSO2-style subject token ({@code response_type=subject_token}): {@code typ: jwt}, {@code sub} = the subject,
     * {@code aud} = the client, {@code may_act.sub} = the actor, the scopes the policy granted, short-lived. Only the
     * client's token exchange with the actor's token turns it into an impersonated token. Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<Signed> subjectToken(String clientId, String subjectId, String actorId, Set<String> scopes,
            Duration lifetime) {
        Instant now = now();
        Instant expiresAt = now.plus(lifetime);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subjectId);
        claims.put("aud", clientId);
        claims.put(Claims.AZP, clientId);
        claims.put(Claims.CLIENT_ID, clientId);
        if (!scopes.isEmpty()) {
            claims.put(Claims.SCOPE, Scopes.format(scopes));
        }
        claims.put(MAY_ACT, Map.of("sub", actorId));
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        TokenSpec spec = TokenSpec.forClient(clientId, scopes, null, lifetime);
        return sign(claims, TYPE_SUBJECT_TOKEN, IssuedToken.SUBJECT_TOKEN, spec.withSubject(subjectId), now, expiresAt);
    }

    /** The token token-service presents to org-service and policy-service (no HTTP round trip to itself). */
    @WithTransaction
    public Uni<Signed> serviceToken(List<String> scopes) {
        TokenSpec spec = TokenSpec.forClient(SERVICE_CLIENT_ID, new LinkedHashSet<>(scopes), null,
                serviceTokenLifetime);
        return accessToken(spec);
    }

    /** The RFC 8693 §4.1 {@code act} claim, nested for chains (outermost = current actor). */
    public static Map<String, Object> actClaim(Act act) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("sub", act.sub());
        if (act.iss() != null) {
            claim.put("iss", act.iss());
        }
        if (act.act() != null) {
            claim.put(Claims.ACT, actClaim(act.act()));
        }
        return claim;
    }

    private static Map<String, Object> impClaim(Imp imp) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("sid", imp.sid());
        if (imp.reason() != null) {
            claim.put("reason", imp.reason());
        }
        return claim;
    }

    private static void organizationClaims(Map<String, Object> claims, TokenSpec spec) {
        UserClaims user = spec.user();
        if (user == null) {
            putIfPresent(claims, Claims.ORG_ID, spec.organizationId());
            return;
        }
        putIfPresent(claims, Claims.ORG_ID, user.organizationId());
        putIfPresent(claims, Claims.ORG_NAME, user.organizationName());
        putIfPresent(claims, Claims.USER_ORG, user.userOrganizationId());
    }

    private Uni<Signed> sign(Map<String, Object> claims, String typ, String tokenType, TokenSpec spec, Instant now,
            Instant expiresAt) {
        KeyRing.Active key = keys.ring().active();
        String jwt = Jwt.claims(claims).jws()
                .keyId(key.kid())
                .algorithm(key.algorithm().signatureAlgorithm())
                .header("typ", typ)
                .sign(key.privateKey());
        IssuedToken record = new IssuedToken();
        record.jti = (String) claims.get("jti");
        record.kid = key.kid();
        record.tokenType = tokenType;
        record.clientId = spec.clientId();
        record.subject = spec.subject();
        record.familyId = spec.familyId();
        record.sessionId = spec.imp() == null ? null : spec.imp().sid();
        record.issuedAt = now;
        record.expiresAt = expiresAt;
        return issuedTokens.persist(record).map(saved -> new Signed(jwt, saved.jti, expiresAt));
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A signed compact JWT and what was recorded about it. */
    public record Signed(String jwt, String jti, Instant expiresAt) {

        public long expiresIn() {
            return Math.max(0, expiresAt.getEpochSecond() - Instant.now().getEpochSecond());
        }
    }
}
