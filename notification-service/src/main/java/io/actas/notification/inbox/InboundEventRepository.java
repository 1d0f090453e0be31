package io.actas.notification.inbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboundEventRepository implements PanacheRepositoryBase<InboundEvent, String> {

    private static final String INSERT_IF_ABSENT = """
            insert into InboundEvent (eventId, type, sessionId, subjectId, actorId, clientId, organizationId,
                organizationName, reason, endReason, startedAt, endedAt, receivedAt, status, attempts, nextAttemptAt)
            values (:eventId, :type, :sessionId, :subjectId, :actorId, :clientId, :organizationId, :organizationName,
                :reason, :endReason, :startedAt, :endedAt, :receivedAt, 'pending', 0, :receivedAt)
            on conflict do nothing""";

    /** Records the event unless an event with its id is recorded already; true when it was new. */
    public Uni<Boolean> insertIfAbsent(InboundEvent event) {
        return getSession().chain(session -> session.createMutationQuery(INSERT_IF_ABSENT)
                .setParameter("eventId", event.eventId)
                .setParameter("type", event.type)
                .setParameter("sessionId", event.sessionId)
                .setParameter("subjectId", event.subjectId)
                .setParameter("actorId", event.actorId)
                .setParameter("clientId", event.clientId)
                .setParameter("organizationId", event.organizationId)
                .setParameter("organizationName", event.organizationName)
                .setParameter("reason", event.reason)
                .setParameter("endReason", event.endReason)
                .setParameter("startedAt", event.startedAt)
                .setParameter("endedAt", event.endedAt)
                .setParameter("receivedAt", event.receivedAt)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /**
     * Takes a pending, due event for this worker until {@code leaseUntil} (another worker, or this one after a crash,
     * may take it over after that); true when this worker got it.
     */
    public Uni<Boolean> claim(String eventId, Instant now, Instant leaseUntil) {
        return update("nextAttemptAt = ?1 where eventId = ?2 and status = ?3 and nextAttemptAt <= ?4", leaseUntil, eventId,
                InboundEvent.PENDING, now).map(rows -> rows == 1);
    }

    /** Ids of pending events that are due, oldest first. */
    public Uni<List<String>> due(Instant now, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select eventId from InboundEvent where status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt",
                String.class)
                .setParameter(1, InboundEvent.PENDING)
                .setParameter(2, now)
                .setMaxResults(limit)
                .getResultList());
    }
}
