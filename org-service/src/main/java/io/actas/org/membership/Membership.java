package io.actas.org.membership;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.actas.org.common.Ids;

/** A user's membership of an organization; at most one per (user, organization). */
@Entity
@Table(name = "memberships")
public class Membership {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public MembershipType type;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Membership of(UUID userId, UUID organizationId, MembershipType type) {
        Membership membership = new Membership();
        membership.id = Ids.next();
        membership.userId = userId;
        membership.organizationId = organizationId;
        membership.type = type;
        membership.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return membership;
    }
}
