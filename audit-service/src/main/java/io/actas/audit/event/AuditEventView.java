package io.actas.audit.event;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.actas.audit.chain.StoredEvent;

/**
 * A stored audit event as the API shows it: the columns it can be filtered on, its place in the chain, and the whole
 * CloudEvent.
 *
 * @param seq position in the hash chain
 * @param actorId who acted ({@code act.sub} / {@code actorId})
 * @param subjectId who was acted as / acted upon ({@code subjectId} / {@code principal})
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param origin {@code kafka:<topic>/<partition>/<offset>} or {@code api:<client id>}
 * @param event the CloudEvent exactly as stored
 */
@JsonPropertyOrder({ "id", "seq", "type", "time", "source", "actorId", "subjectId", "organizationId", "clientId",
        "sessionId", "outcome", "origin", "receivedAt", "prevHash", "hash", "event" })
@Schema(name = "AuditEvent")
public record AuditEventView(String id, long seq, String type, Instant time, String source, String actorId,
        String subjectId, String organizationId, String clientId, String sessionId, String outcome, String origin,
        Instant receivedAt, String prevHash, String hash,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "the CloudEvent as stored") String event) {

    public static AuditEventView of(StoredEvent e) {
        return new AuditEventView(e.id(), e.seq(), e.type(), e.time(), e.source(), e.actorId(), e.subjectId(),
                e.organizationId(), e.clientId(), e.sessionId(), e.outcome(), e.origin(), e.receivedAt(), e.prevHash(),
                e.hash(), e.event());
    }
}
