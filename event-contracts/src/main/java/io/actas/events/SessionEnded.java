package io.actas.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@link EventTypes#SESSION_ENDED}: an impersonation session ended and every token of it was revoked.
 *
 * @param reason one of {@link #REVOKED}, {@link #EXPIRED}, {@link #ACTOR_DEMOTED}, {@link #SUBJECT_DISABLED}
 * @param endedBy the user or client that ended it, when ended through the API
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEnded(String sessionId, String actorId, String subjectId, String clientId, String organizationId,
        String reason, String endedBy, Instant startedAt, Instant endedAt) {

    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";
    public static final String ACTOR_DEMOTED = "actor_demoted";
    public static final String SUBJECT_DISABLED = "subject_disabled";
}
