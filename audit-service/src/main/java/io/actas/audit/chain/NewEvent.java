package io.actas.audit.chain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.actas.events.EventTypes;
import io.actas.events.ResourceEvent;

/**
 * An event on its way into the chain: the whole CloudEvent in canonical form plus the columns a security team filters
 * on, read the same way from every event type:
 * <ul>
 * <li>actor = {@code data.act.sub}, else {@code data.actorId}</li>
 * <li>subject = {@code data.subjectId}, else {@code data.principal}, else {@code data.userId}, else the CloudEvents
 * {@code subject}</li>
 * <li>organization, client, session = {@code data.organizationId}, {@code data.clientId}, {@code data.sessionId}</li>
 * <li>outcome = {@code denied} for {@code io.actas.impersonation.denied}, else {@code data.outcome} when it is
 * {@code success} or {@code failure}, else {@code success}</li>
 * </ul>
 *
 * @param canonicalEvent the CloudEvent in {@link CanonicalJson} form, as stored and hashed
 * @param origin where it came from: {@code kafka:<topic>/<partition>/<offset>} or {@code api:<client id>}
 */
public record NewEvent(String id, String type, String source, Instant time, String actorId, String subjectId,
        String organizationId, String clientId, String sessionId, String outcome, String origin, String canonicalEvent) {

    public static final String DENIED = "denied";

    /** Longest id and filter column accepted (PostgreSQL indexes refuse very long keys). */
    static final int MAX_COLUMN_LENGTH = 512;

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Reads a structured-mode CloudEvent.
     *
     * @param receivedAt used as the event time when the CloudEvent has none
     * @throws UnstorableEventException when it is not an object with {@code specversion}, {@code id}, {@code type} and
     *         {@code source}, or holds something the store cannot keep
     */
    public static NewEvent of(JsonNode event, String origin, Instant receivedAt) throws UnstorableEventException {
        if (event == null || !event.isObject()) {
            throw new UnstorableEventException("not a JSON object");
        }
        String id = required(event, "id");
        String type = required(event, "type");
        String source = required(event, "source");
        required(event, "specversion");
        JsonNode data = event.path("data");
        String actor = text(data.path("act").path("sub"));
        if (actor == null) {
            actor = text(data.path("actorId"));
        }
        String subject = first(data, "subjectId", "principal", "userId");
        if (subject == null) {
            subject = text(event.path("subject"));
        }
        String canonical;
        try {
            canonical = CanonicalJson.write(event);
        } catch (IllegalArgumentException e) {
            throw new UnstorableEventException(e.getMessage());
        }
        return new NewEvent(id, type, source, time(event, receivedAt), actor, subject,
                text(data.path("organizationId")), text(data.path("clientId")),
                text(data.path("sessionId")), outcome(type, data), origin, canonical);
    }

    private static String outcome(String type, JsonNode data) {
        if (EventTypes.DENIED.equals(type)) {
            return DENIED;
        }
        String outcome = data.path("outcome").asText("");
        return ResourceEvent.FAILURE.equals(outcome) ? ResourceEvent.FAILURE : ResourceEvent.SUCCESS;
    }

    private static Instant time(JsonNode event, Instant receivedAt) throws UnstorableEventException {
        JsonNode time = event.path("time");
        if (time.isMissingNode() || time.isNull()) {
            return receivedAt;
        }
        if (!time.isTextual()) {
            throw new UnstorableEventException("time is not an RFC 3339 timestamp");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time.textValue(), RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnstorableEventException("time is not an RFC 3339 timestamp");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new UnstorableEventException("time is out of range");
        }
        // PostgreSQL keeps microseconds; the column and the hash use what it keeps
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String first(JsonNode data, String... names) {
        for (String name : names) {
            String value = text(data.path(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String required(JsonNode event, String name) throws UnstorableEventException {
        JsonNode node = event.path(name);
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new UnstorableEventException("no " + name);
        }
        if (node.textValue().length() > MAX_COLUMN_LENGTH) {
            throw new UnstorableEventException(name + " is longer than " + MAX_COLUMN_LENGTH + " characters");
        }
        return node.textValue();
    }

    /** An optional column: a string of sensible length, else null (the whole event is kept in {@code event} anyway). */
    private static String text(JsonNode node) {
        return node.isTextual() && node.textValue().length() <= MAX_COLUMN_LENGTH ? node.textValue() : null;
    }
}
