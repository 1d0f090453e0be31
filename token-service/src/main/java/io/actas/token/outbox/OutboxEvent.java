package io.actas.token.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting to be (or already) relayed to Kafka. Written in the transaction of the state change it describes;
 * {@code seq} (assigned by the database) is the relay order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The CloudEvent id. */
    @Id
    public UUID id;

    public String topic;

    /** The Kafka record key: the subject user id. */
    @Column(name = "event_key")
    public String eventKey;

    @Column(name = "event_type")
    public String eventType;

    /** The CloudEvent, structured JSON. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
