package io.actas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RFC 8693 §4.1 {@code act} claim: the current actor, with prior actors nested (outermost = current).
 *
 * @param sub the actor's user id (or client id for a service actor)
 * @param iss the issuer that authenticated the actor
 * @param act the prior actor in a delegation chain, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Act(String sub, String iss, Act act) {
}
