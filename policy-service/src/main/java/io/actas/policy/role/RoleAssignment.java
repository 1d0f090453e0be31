package io.actas.policy.role;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A user holds a role. */
@Entity
@Table(name = "role_assignments")
public class RoleAssignment {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "role_id")
    public Role role;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "assigned_at")
    public Instant assignedAt;
}
