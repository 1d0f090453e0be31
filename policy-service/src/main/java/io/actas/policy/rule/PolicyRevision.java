package io.actas.policy.rule;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row whose {@code revision} moves with every rule change (in the same transaction). */
@Entity
@Table(name = "policy_revision")
public class PolicyRevision {

    public static final int ID = 1;

    @Id
    public int id;

    public long revision;
}
