package io.actas.audit.event;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/audit-events} and the export select; every part is optional and they combine with AND.
 *
 * @param types exact CloudEvents types, or prefixes ending in {@code *} ({@code io.actas.resource.*}); any may match
 * @param from inclusive lower bound of the event time
 * @param to exclusive upper bound of the event time
 * @param impersonated {@code true}: only events with an actor (done with an impersonated token, or about an
 *        impersonation); {@code false}: only events without one
 */
public record AuditEventFilter(String actor, String subject, String organization, String client, String session,
        List<String> types, String outcome, Instant from, Instant to, Boolean impersonated) {
}
