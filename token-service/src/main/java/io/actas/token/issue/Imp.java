package io.actas.token.issue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code imp} claim of an impersonated token (DESIGN §3).
 *
 * @param sid the impersonation session id
 * @param reason the reason given for the impersonation, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Imp(String sid, String reason) {
}
