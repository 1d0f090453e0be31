package io.actas.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@link EventTypes#SESSION_STARTED}: the first impersonated token of an (actor, subject, client) start. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionStarted(String sessionId, String actorId, String subjectId, String clientId, String organizationId,
        String organizationName, String reason, List<String> scopes, String ruleId, String flow, Instant startedAt,
        Instant expiresAt, Act act) {
}
