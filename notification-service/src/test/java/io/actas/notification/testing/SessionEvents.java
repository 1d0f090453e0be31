package io.actas.notification.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.actas.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Builds impersonation session events as token-service publishes them, and sends them to {@code impersonation.events}. */
public final class SessionEvents {

    public static final Instant STARTED_AT = Instant.parse("2026-03-14T09:26:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private String eventId = UUID.randomUUID().toString();
    private String sessionId = "sid-" + UUID.randomUUID();
    private String subjectId;
    private String actorId;
    private String clientId = "support-console";
    private String organizationId;
    private String reason;
    private String endReason = SessionEnded.REVOKED;

    private SessionEvents() {
    }

    public static SessionEvents session(String actorId, String subjectId, String organizationId) {
        SessionEvents events = new SessionEvents();
        events.actorId = actorId;
        events.subjectId = subjectId;
        events.organizationId = organizationId;
        return events;
    }

    public SessionEvents reason(String reason) {
        this.reason = reason;
        return this;
    }

    public SessionEvents client(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /** A fresh CloudEvents id for the next event built (same session). */
    public SessionEvents newEventId() {
        this.eventId = UUID.randomUUID().toString();
        return this;
    }

    public String eventId() {
        return eventId;
    }

    public String sessionId() {
        return sessionId;
    }

    public ProducerRecord<String, String> started() {
        SessionStarted data = new SessionStarted(sessionId, actorId, subjectId, clientId, organizationId, null, reason,
                List.of("openid"), "rule-1", "token_exchange", STARTED_AT, STARTED_AT.plus(1, ChronoUnit.HOURS), null);
        return record(EventTypes.SESSION_STARTED, data);
    }

    public ProducerRecord<String, String> ended() {
        SessionEnded data = new SessionEnded(sessionId, actorId, subjectId, clientId, organizationId, endReason, actorId,
                STARTED_AT, STARTED_AT.plus(20, ChronoUnit.MINUTES));
        return record(EventTypes.SESSION_ENDED, data);
    }

    /** A CloudEvent of a type this service ignores, or raw text. */
    public static ProducerRecord<String, String> raw(String key, String value) {
        return new ProducerRecord<>(Topics.IMPERSONATION_EVENTS, key, value);
    }

    private <T> ProducerRecord<String, String> record(String type, T data) {
        CloudEvent<T> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, eventId, "/actas/token-service", type, subjectId,
                Instant.now(), CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, data);
        try {
            return new ProducerRecord<>(Topics.IMPERSONATION_EVENTS, subjectId, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    public static void send(KafkaCompanion kafka, ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    /** Unused-key-safe map helper for JSON bodies in tests. */
    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
