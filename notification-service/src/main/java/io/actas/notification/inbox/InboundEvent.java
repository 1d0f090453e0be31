package io.actas.notification.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An impersonation event this service acts on, recorded before its Kafka offset is committed, so that neither a crash
 * nor a slow org-service or SMTP server loses it. The event id is the key: a redelivered event is recorded once.
 */
@Entity
@Table(name = "inbound_event")
public class InboundEvent extends PanacheEntityBase {

    /** Waiting to be turned into deliveries (first time, or after a transient failure). */
    public static final String PENDING = "pending";
    /** Turned into deliveries. */
    public static final String PROCESSED = "processed";
    /** Nothing to send: the organization's settings say so. */
    public static final String SUPPRESSED = "suppressed";
    /** Could not be turned into deliveries (e.g. the user has no e-mail address, or retries ran out). */
    public static final String FAILED = "failed";

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "type")
    public String type;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "organization_name")
    public String organizationName;

    @Column(name = "reason")
    public String reason;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "status")
    public String status;

    @Column(name = "attempts")
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "processed_at")
    public Instant processedAt;
}
