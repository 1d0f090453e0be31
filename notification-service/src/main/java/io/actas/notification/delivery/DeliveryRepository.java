package io.actas.notification.delivery;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    private static final String INSERT_IF_ABSENT = """
            insert into Delivery (eventId, sessionId, kind, organizationId, subjectId, recipient, recipientRole,
                mailSubject, htmlBody, textBody, status, attempts, nextAttemptAt, createdAt, updatedAt)
            values (:eventId, :sessionId, :kind, :organizationId, :subjectId, :recipient, :recipientRole, :mailSubject,
                :htmlBody, :textBody, 'pending', 0, :now, :now, :now)
            on conflict do nothing""";

    /** Records the mail unless the session was already announced to this recipient in this kind; true when new. */
    public Uni<Boolean> insertIfAbsent(Delivery delivery, Instant now) {
        return getSession().chain(session -> session.createMutationQuery(INSERT_IF_ABSENT)
                .setParameter("eventId", delivery.eventId)
                .setParameter("sessionId", delivery.sessionId)
                .setParameter("kind", delivery.kind)
                .setParameter("organizationId", delivery.organizationId)
                .setParameter("subjectId", delivery.subjectId)
                .setParameter("recipient", delivery.recipient)
                .setParameter("recipientRole", delivery.recipientRole)
                .setParameter("mailSubject", delivery.mailSubject)
                .setParameter("htmlBody", delivery.htmlBody)
                .setParameter("textBody", delivery.textBody)
                .setParameter("now", now)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /**
     * Takes a due, unsent delivery for this worker until {@code leaseUntil} (after which another worker, or this one
     * after a crash, may take it over); true when this worker got it.
     */
    public Uni<Boolean> claim(long id, Instant now, Instant leaseUntil) {
        return update("nextAttemptAt = ?1 where id = ?2 and status in (?3, ?4) and nextAttemptAt <= ?5", leaseUntil, id,
                Delivery.PENDING, Delivery.RETRYING, now).map(rows -> rows == 1);
    }

    /** Ids of unsent deliveries that are due, oldest first. */
    public Uni<List<Long>> due(Instant now, int limit) {
        return ids("status in (?1, ?2) and nextAttemptAt <= ?3 order by nextAttemptAt", limit, Delivery.PENDING,
                Delivery.RETRYING, now);
    }

    /** Ids of the event's deliveries that were never tried. */
    public Uni<List<Long>> pendingOfEvent(String eventId) {
        return ids("eventId = ?1 and status = ?2 order by id", Integer.MAX_VALUE, eventId, Delivery.PENDING);
    }

    public Uni<List<Delivery>> ofEvent(String eventId) {
        return list("eventId", Sort.by("id"), eventId);
    }

    /** One page of the log, newest first, optionally below a cursor (an id). */
    public Uni<List<Delivery>> search(DeliveryFilter filter, Long cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        condition(query, parameters, "status", filter.status());
        condition(query, parameters, "kind", filter.kind());
        condition(query, parameters, "sessionId", filter.sessionId());
        condition(query, parameters, "eventId", filter.eventId());
        condition(query, parameters, "organizationId", filter.organizationId());
        condition(query, parameters, "subjectId", filter.subjectId());
        if (filter.recipient() != null) {
            query.append(" and lower(recipient) = lower(:recipient)");
            parameters.and("recipient", filter.recipient());
        }
        if (cursor != null) {
            query.append(" and id < :cursor");
            parameters.and("cursor", cursor);
        }
        return find(query.toString(), Sort.descending("id"), parameters).page(0, limit).list();
    }

    private static void condition(StringBuilder query, Parameters parameters, String field, String value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }

    private Uni<List<Long>> ids(String where, int limit, Object... parameters) {
        return getSession().chain(session -> {
            var query = session.createSelectionQuery("select id from Delivery where " + where, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.setMaxResults(limit).getResultList();
        });
    }
}
