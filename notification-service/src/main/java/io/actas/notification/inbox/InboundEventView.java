package io.actas.notification.inbox;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.actas.notification.delivery.DeliveryView;

/** How an impersonation event was handled, with the deliveries it led to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "How an impersonation event was handled, with the deliveries it led to.")
public record InboundEventView(
        String eventId,
        @Schema(description = "CloudEvents type") String type,
        String sessionId,
        String subjectId,
        String actorId,
        String organizationId,
        @Schema(description = "pending: not yet worked off; processed: deliveries recorded; suppressed: the organization's settings say no mail; failed: cannot be mailed", enumeration = {
                "pending", "processed", "suppressed", "failed" }) String status,
        int attempts,
        @Schema(description = "Why nothing was sent, or why the last try failed") String detail,
        Instant receivedAt,
        Instant processedAt,
        @Schema(description = "The deliveries of this event (a repeat of an announced session has none)") List<DeliveryView> deliveries){

    static InboundEventView of(InboundEvent event, List<DeliveryView> deliveries) {
        return new InboundEventView(event.eventId, event.type, event.sessionId, event.subjectId, event.actorId,
                event.organizationId, event.status, event.attempts, event.lastError, event.receivedAt, event.processedAt,
                deliveries);
    }
}
