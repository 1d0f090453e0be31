package io.actas.support;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.actas.events.Act;

/**
 * Who is calling, read from the bearer JWT: the token's {@code sub}, client, scopes, and, for an impersonated token, the
 * {@code act} chain and the impersonation session id ({@code imp.sid}).
 *
 * @param subject {@code sub}: the user (or, for client_credentials, the client) the token speaks for
 * @param act the RFC 8693 {@code act} claim, {@code null} when the token is not impersonated
 * @param sessionId {@code imp.sid}, {@code null} when not impersonated
 */
public record Caller(String subject, String clientId, String organizationId, Set<String> scopes, Act act, String sessionId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, null);

    /** The deepest the {@code act} chain is read; deeper nesting is cut (RFC 8693 §4.1: prior actors are informational). */
    public static final int MAX_ACT_DEPTH = 8;

    public static Caller of(JsonWebToken jwt) {
        if (jwt == null || jwt.getRawToken() == null) {
            return ANONYMOUS;
        }
        Object imp = jwt.getClaim("imp");
        String sid = imp instanceof JsonObject object ? string(object.get("sid")) : null;
        return new Caller(jwt.getSubject(), claim(jwt, "client_id"), claim(jwt, "org_id"), jwt.getGroups(),
                act(jwt.getClaim("act")), sid);
    }

    public boolean impersonated() {
        return act != null;
    }

    public Optional<String> actorId() {
        return Optional.ofNullable(act).map(Act::sub);
    }

    /** Reads an {@code act} claim in the forms JSON-P and plain maps give it. */
    public static Act act(Object claim) {
        return act(claim, 0);
    }

    private static Act act(Object claim, int depth) {
        if (claim == null || depth >= MAX_ACT_DEPTH) {
            return null;
        }
        if (claim instanceof JsonObject object) {
            String sub = string(object.get("sub"));
            return sub == null ? null : new Act(sub, string(object.get("iss")), act(object.get("act"), depth + 1));
        }
        if (claim instanceof Map<?, ?> map && map.get("sub") instanceof String sub) {
            return new Act(sub, map.get("iss") instanceof String iss ? iss : null, act(map.get("act"), depth + 1));
        }
        return null;
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString json ? json.getString() : null;
    }
}
