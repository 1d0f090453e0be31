package io.actas.notification.delivery;

/** Filters of the delivery log; {@code null} = any. */
public record DeliveryFilter(String status, String kind, String sessionId, String eventId, String organizationId,
        String subjectId, String recipient) {
}
