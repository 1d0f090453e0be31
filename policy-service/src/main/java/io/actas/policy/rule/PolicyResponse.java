package io.actas.policy.rule;

import java.time.Instant;
import java.util.List;

/** A stored impersonation rule: what was written, with defaults filled in, plus its id and timestamps. */
public record PolicyResponse(String id, String name, String description, int priority, String effect, boolean enabled,
        PolicyRequest.Actors actors, PolicyRequest.Subjects subjects, List<String> clients, List<String> organizations,
        Instant validFrom, Instant validUntil, PolicyRequest.Grants grants, Instant createdAt, Instant updatedAt) {

    static PolicyResponse of(String id, PolicyRequest rule, Instant createdAt, Instant updatedAt) {
        return new PolicyResponse(id, rule.name(), rule.description(), rule.priority(), rule.effect(), rule.enabled(),
                rule.actors(), rule.subjects(), rule.clients(), rule.organizations(), rule.validFrom(), rule.validUntil(),
                rule.grants(), createdAt, updatedAt);
    }
}
