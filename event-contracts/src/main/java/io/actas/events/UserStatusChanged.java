package io.actas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@link EventTypes#USER_STATUS_CHANGED}: status {@code active}, {@code disabled} or {@code locked}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserStatusChanged(String userId, String organizationId, String previousStatus, String status) {
}
