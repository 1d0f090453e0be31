package io.actas.notification.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One mail to one recipient about one impersonation session, with its rendered content and how sending it went. Unique
 * on (session, recipient, kind): a session is announced to a recipient once, whatever the redeliveries.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** Not tried yet. */
    public static final String PENDING = "pending";
    /** Failed transiently; tried again at {@code nextAttemptAt}. */
    public static final String RETRYING = "retrying";
    /** Accepted by the SMTP server. */
    public static final String SENT = "sent";
    /** Failed permanently, or retries ran out. */
    public static final String FAILED = "failed";

    public static final String SUBJECT = "subject";
    public static final String SECURITY_CONTACT = "security_contact";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "session_id")
    public String sessionId;

    /** The template type: {@code session-started} or {@code session-ended}. */
    @Column(name = "kind")
    public String kind;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "recipient")
    public String recipient;

    /** {@link #SUBJECT} or {@link #SECURITY_CONTACT}. */
    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "mail_subject")
    public String mailSubject;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "status")
    public String status;

    @Column(name = "attempts")
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
