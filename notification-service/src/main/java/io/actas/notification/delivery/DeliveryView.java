package io.actas.notification.delivery;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One row of the delivery log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One mail to one recipient about one impersonation session.")
public record DeliveryView(
        long id,
        @Schema(description = "CloudEvents id of the event that caused the mail") String eventId,
        @Schema(description = "Impersonation session (imp.sid)") String sessionId,
        @Schema(enumeration = {
                "session-started", "session-ended" }) String kind,
        String organizationId,
        @Schema(description = "The impersonated user") String subjectId,
        String recipient,
        @Schema(enumeration = { "subject", "security_contact" }) String recipientRole,
        @Schema(description = "Subject line of the mail") String mailSubject,
        @Schema(enumeration = { "pending", "retrying", "sent", "failed" }) String status,
        @Schema(description = "Send attempts so far") int attempts,
        @Schema(description = "Why the last attempt failed") String lastError,
        @Schema(description = "When the next attempt is due (pending and retrying only)") Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt){

    public static DeliveryView of(Delivery d) {
        boolean open = Delivery.PENDING.equals(d.status) || Delivery.RETRYING.equals(d.status);
        return new DeliveryView(d.id, d.eventId, d.sessionId, d.kind, d.organizationId, d.subjectId, d.recipient,
                d.recipientRole, d.mailSubject, d.status, d.attempts, d.lastError, open ? d.nextAttemptAt : null, d.createdAt,
                d.updatedAt, d.sentAt);
    }
}
