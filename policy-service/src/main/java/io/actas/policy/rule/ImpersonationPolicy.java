package io.actas.policy.rule;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored impersonation rule: the normalized {@link PolicyRequest} as JSON, beside the columns it is ordered by. */
@Entity
@Table(name = "impersonation_policies")
public class ImpersonationPolicy {

    @Id
    public String id;

    public String name;

    public int priority;

    public String effect;

    public boolean enabled;

    /** The normalized {@link PolicyRequest}, as JSON. */
    public String definition;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
