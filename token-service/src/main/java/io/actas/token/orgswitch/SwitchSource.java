package io.actas.token.orgswitch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.actas.events.Act;
import io.actas.support.Caller;
import io.actas.token.issue.Imp;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.Scopes;

/**
 * The {@code token} of an organization switch: an access token this server issued (verified, not revoked), reduced to
 * what the switch reads from it.
 *
 * @param organizationId {@code org_id}: the organization the token is for; the switch goes below it
 * @param act the RFC 8693 actor chain, copied unchanged into the new token; {@code null} when not impersonated
 * @param imp the impersonation session, copied unchanged; {@code null} when not impersonated
 * @param familyId the login the token belongs to (from its issued-token record), so revoking the login revokes the
 *        switched token too
 */
public record SwitchSource(String jti, String subject, String clientId, String aut, String organizationId,
        Set<String> scopes, Act act, Imp imp, Instant expiresAt, UUID familyId) {

    static Optional<SwitchSource> read(JwtClaims claims, UUID familyId) {
        try {
            if (claims.getSubject() == null || claims.getExpirationTime() == null) {
                return Optional.empty();
            }
            return Optional.of(new SwitchSource(claims.getJwtId(), claims.getSubject(),
                    claims.getClaimValueAsString(Claims.CLIENT_ID), claims.getClaimValueAsString(Claims.AUT),
                    claims.getClaimValueAsString(Claims.ORG_ID), Scopes.parse(claims.getClaimValueAsString(Claims.SCOPE)),
                    Caller.act(claims.getClaimValue(Claims.ACT)), imp(claims.getClaimValue(Claims.IMP)),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()), familyId));
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** An impersonated token: {@code act} names the actor. */
    public boolean impersonated() {
        return act != null;
    }

    /** The current actor ({@code act.sub}), or {@code null}. */
    public String actorId() {
        return act == null ? null : act.sub();
    }

    /** The impersonation session ({@code imp.sid}), or {@code null}. */
    public String sessionId() {
        return imp == null ? null : imp.sid();
    }

    private static Imp imp(Object claim) {
        if (claim instanceof Map<?, ?> map && map.get("sid") instanceof String sid) {
            return new Imp(sid, map.get("reason") instanceof String reason ? reason : null);
        }
        return null;
    }
}
