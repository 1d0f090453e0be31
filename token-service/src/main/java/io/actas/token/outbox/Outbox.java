package io.actas.token.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.CloudEvent;
import io.actas.events.Topics;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes impersonation events into the outbox table, in the caller's transaction, as CloudEvents 1.0 structured JSON
 * (DESIGN §5). {@link OutboxRelay} publishes them to {@code impersonation.events} after the commit; an event whose
 * transaction rolls back is never published.
 */
@ApplicationScoped
public class Outbox {

    /** CloudEvents {@code source} of token-service's events. */
    public static final String SOURCE = "/actas/token-service";

    private final OutboxRepository events;
    private final ObjectMapper mapper;

    public Outbox(OutboxRepository events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    /**
     * Appends an {@code impersonation.events} event about {@code subjectId} (the Kafka key). Joins the caller's
     * transaction, or opens one.
     */
    @WithTransaction
    public <T> Uni<CloudEvent<T>> append(String type, String subjectId, T data) {
        Instant now = Instant.now();
        CloudEvent<T> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), SOURCE, type,
                subjectId, now, CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, data);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = Topics.IMPERSONATION_EVENTS;
        row.eventKey = subjectId;
        row.eventType = type;
        row.payload = json(event);
        row.createdAt = now;
        return events.persist(row).replaceWith(event);
    }

    private String json(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
