package io.actas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@link EventTypes#DENIED}: an impersonation was refused. The HTTP answer stays vague; this event is precise.
 *
 * @param reasonCode a {@link ReasonCodes} value
 * @param flow {@code token_exchange}, {@code subject_token}, {@code login_prompt}, {@code delegation} or
 *        {@code organization_switch}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImpersonationDenied(String actorId, String subjectId, String clientId, String organizationId,
        String reasonCode, String flow, String ruleId, String reason) {
}
