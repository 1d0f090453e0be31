package io.actas.policy.decision;

import java.time.Instant;

import io.actas.policy.directory.DirectoryUser;
import io.actas.policy.role.Holdings;

/**
 * Everything a decision is made from, gathered before the engine runs.
 *
 * @param organizationId the organization impersonated in (the request's, or the actor's resident one)
 * @param actor {@code null} when org-service does not know the actor
 * @param subject {@code null} when org-service does not know the subject
 */
public record DecisionInput(DecisionRequest request, String organizationId, DirectoryUser actor, DirectoryUser subject,
        Holdings actorHoldings, Holdings subjectHoldings, Instant now) {
}
