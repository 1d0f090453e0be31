package io.actas.token.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.actas.token.impersonation.ActChain;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.Scopes;

/**
 * A subject or actor token this server issued, verified (signature, issuer, expiry, {@code typ}, not revoked), reduced to
 * what token exchange reads from it.
 *
 * @param mayAct RFC 8693 §4.4 {@code may_act.sub}: who may act for this token's subject, when the token says
 * @param sessionId {@code imp.sid} when the token is impersonated
 * @param idToken an OIDC ID token (no {@code client_id}, no scopes) rather than an access token
 */
public record PresentedToken(String jti, String subject, String clientId, List<String> audience, String aut,
        Set<String> scopes, Optional<ActChain> act, Optional<String> mayAct, String sessionId, String organizationId,
        Instant expiresAt, boolean idToken) {

    /** RFC 8693 §4.4. */
    public static final String MAY_ACT = "may_act";

    static PresentedToken of(JwtClaims claims, boolean idToken) throws MalformedClaimException {
        Object imp = claims.getClaimValue(Claims.IMP);
        Object mayAct = claims.getClaimValue(MAY_ACT);
        return new PresentedToken(claims.getJwtId(), claims.getSubject(), claims.getClaimValueAsString(Claims.CLIENT_ID),
                claims.getAudience(), claims.getClaimValueAsString(Claims.AUT),
                Scopes.parse(claims.getClaimValueAsString(Claims.SCOPE)), ActChain.read(claims.getClaimValue(Claims.ACT)),
                mayAct instanceof Map<?, ?> map && map.get("sub") instanceof String sub ? Optional.of(sub)
                        : Optional.empty(),
                imp instanceof Map<?, ?> map && map.get("sid") instanceof String sid ? sid : null,
                claims.getClaimValueAsString(Claims.ORG_ID),
                Instant.ofEpochSecond(claims.getExpirationTime().getValue()), idToken);
    }

    public boolean impersonated() {
        return act.isPresent();
    }
}
