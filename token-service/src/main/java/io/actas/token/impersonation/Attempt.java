package io.actas.token.impersonation;

/**
 * An impersonation being asked for: what a denial event names. Any field but {@code flow} and {@code clientId} may be
 * unknown ({@code null}) when the request fails before it is read, e.g. an invalid subject token.
 */
public record Attempt(String flow, String actorId, String subjectId, String clientId, String organizationId,
        String reason) {

    public Attempt withSubject(String subjectId) {
        return new Attempt(flow, actorId, subjectId, clientId, organizationId, reason);
    }

    public Attempt withActor(String actorId, String organizationId) {
        return new Attempt(flow, actorId, subjectId, clientId, organizationId, reason);
    }
}
