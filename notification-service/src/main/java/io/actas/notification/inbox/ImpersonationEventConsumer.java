package io.actas.notification.inbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.EventTypes;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.smallrye.mutiny.Uni;

/**
 * Reads {@code impersonation.events} and records {@code session.started} and {@code session.ended} in the inbox. The
 * offset is committed only after the event is stored, so a crash re-reads and the inbox (keyed on the event id) drops the
 * repeat; a database outage holds the stream (retried without end) instead of losing events. Other types are skipped;
 * malformed records are logged and skipped so that they cannot stop the stream.
 */
@ApplicationScoped
public class ImpersonationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ImpersonationEventConsumer.class);
    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ID_LENGTH = 255;

    private final InboxService inbox;
    private final ObjectMapper mapper;

    public ImpersonationEventConsumer(InboxService inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @Incoming("impersonation-events")
    public Uni<Void> consume(String record) {
        InboundEvent event;
        try {
            event = read(record);
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping an impersonation event that is not JSON of its type: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipping an impersonation event that cannot be used: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        return inbox.record(event)
                .onFailure().invoke(failure -> LOG.warnf("Could not record event %s yet, retrying: %s", event.eventId,
                        failure.getMessage()))
                .onFailure().retry().withBackOff(FIRST_RETRY_WAIT, LONGEST_RETRY_WAIT).indefinitely();
    }

    /** The inbox row for a session event; {@code null} for the types this service does not act on. */
    InboundEvent read(String record) throws JsonProcessingException {
        JsonNode envelope = mapper.readTree(record);
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("not a CloudEvents JSON object");
        }
        String type = envelope.path("type").asText("");
        if (!EventTypes.SESSION_STARTED.equals(type) && !EventTypes.SESSION_ENDED.equals(type)) {
            return null;
        }
        InboundEvent event = new InboundEvent();
        event.eventId = required(envelope.path("id").asText(null), "id");
        event.type = type;
        event.receivedAt = Instant.now();
        JsonNode data = envelope.path("data");
        if (EventTypes.SESSION_STARTED.equals(type)) {
            SessionStarted started = mapper.treeToValue(data, SessionStarted.class);
            event.sessionId = started.sessionId();
            event.subjectId = started.subjectId();
            event.actorId = started.actorId();
            event.clientId = started.clientId();
            event.organizationId = started.organizationId();
            event.organizationName = started.organizationName();
            event.reason = started.reason();
            event.startedAt = started.startedAt();
        } else {
            SessionEnded ended = mapper.treeToValue(data, SessionEnded.class);
            event.sessionId = ended.sessionId();
            event.subjectId = ended.subjectId();
            event.actorId = ended.actorId();
            event.clientId = ended.clientId();
            event.organizationId = ended.organizationId();
            event.endReason = ended.reason();
            event.startedAt = ended.startedAt();
            event.endedAt = ended.endedAt();
        }
        required(event.sessionId, "data.sessionId");
        required(event.subjectId, "data.subjectId");
        required(event.actorId, "data.actorId");
        for (String id : new String[] { event.eventId, event.sessionId, event.subjectId, event.actorId, event.clientId,
                event.organizationId, event.organizationName, event.endReason }) {
            if (id != null && id.length() > MAX_ID_LENGTH) {
                throw new IllegalArgumentException("event with an identifier longer than " + MAX_ID_LENGTH + " characters");
            }
        }
        // PostgreSQL text cannot hold NUL; free text is stored without it
        event.reason = event.reason == null ? null : event.reason.replace("\0", "");
        return event;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        if (value.indexOf(0) >= 0) {
            throw new IllegalArgumentException("event with a NUL character in " + field);
        }
        return value;
    }
}
