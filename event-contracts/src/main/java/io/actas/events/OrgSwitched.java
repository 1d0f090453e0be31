package io.actas.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@link EventTypes#ORG_SWITCHED}: an impersonated token was switched into a child organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrgSwitched(String sessionId, String tokenId, String actorId, String subjectId, String clientId,
        String fromOrganizationId, String organizationId, String organizationName, List<String> scopes, Instant expiresAt,
        Act act) {
}
