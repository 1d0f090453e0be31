package io.actas.policy;

import io.actas.events.CloudEvent;
import io.actas.events.RoleAssignmentRemoved;
import io.actas.policy.rule.PolicyRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types this service (de)serializes with its own ObjectMapper rather than through a REST signature, so a native image
 * keeps their accessors: the directory event, and the stored rule definition with its nested records.
 */
@RegisterForReflection(targets = { CloudEvent.class, RoleAssignmentRemoved.class, PolicyRequest.class,
        PolicyRequest.Actors.class, PolicyRequest.Subjects.class, PolicyRequest.Grants.class })
public final class NativeReflection {

    private NativeReflection() {
    }
}
