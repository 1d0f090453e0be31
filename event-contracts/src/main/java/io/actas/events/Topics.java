package io.actas.events;

/**
 * Kafka topic names (DESIGN §5). Every event is a CloudEvents 1.0 structured JSON record whose key is the subject user id
 * (or the resource's owner for {@code audit.events}).
 */
public final class Topics {

    /** Impersonation life cycle, produced by token-service through its transactional outbox. */
    public static final String IMPERSONATION_EVENTS = "impersonation.events";

    /** {@code io.actas.resource.*}: mutating requests of every service and of downstream applications. */
    public static final String AUDIT_EVENTS = "audit.events";

    /** Role-assignment and user-status changes that can end live impersonation sessions. */
    public static final String DIRECTORY_EVENTS = "directory.events";

    private Topics() {
    }
}
