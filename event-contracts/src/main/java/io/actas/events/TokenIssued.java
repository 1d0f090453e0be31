package io.actas.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@link EventTypes#TOKEN_ISSUED}: an impersonated token was issued (the token itself is never in the event). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenIssued(String sessionId, String tokenId, String tokenType, String grantType, String actorId,
        String subjectId, String clientId, String organizationId, List<String> scopes, Instant issuedAt, Instant expiresAt,
        Act act) {
}
