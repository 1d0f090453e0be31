package io.actas.audit.event;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of {@code GET /api/v1/audit-events}, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last page
 */
@Schema(name = "AuditEventPage")
public record AuditEventPage(List<AuditEventView> items, String nextCursor) {
}
