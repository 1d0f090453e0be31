package io.actas.token.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ImpersonationSessionRepository implements PanacheRepositoryBase<ImpersonationSession, String> {

    /** The live session of an (actor, subject, client) start, the newest if a race opened two. */
    public Uni<ImpersonationSession> findLive(String actorId, String subjectId, String clientId, Instant now) {
        return find("actorId = :actor and subjectId = :subject and clientId = :client and status = :active "
                + "and expiresAt > :now order by startedAt desc",
                Parameters.with("actor", actorId).and("subject", subjectId).and("client", clientId)
                        .and("active", ImpersonationSession.ACTIVE).and("now", now))
                .firstResult();
    }

    /** Active sessions whose hard expiry passed. */
    public Uni<List<ImpersonationSession>> due(Instant now, int limit) {
        return find("status = ?1 and expiresAt <= ?2 order by expiresAt", ImpersonationSession.ACTIVE, now)
                .page(0, limit).list();
    }

    /** Active sessions started before {@code before} in which the user is the actor (or, with subject, the subject). */
    public Uni<List<ImpersonationSession>> activeOf(String userField, String userId, Instant before) {
        return find("status = ?1 and " + userField + " = ?2 and startedAt <= ?3", ImpersonationSession.ACTIVE, userId,
                before).list();
    }

    /** A page of sessions, newest first; {@code after} is the last id of the previous page. */
    public Uni<List<ImpersonationSession>> search(SessionFilter filter, ImpersonationSession after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        filter.actorId().ifPresent(value -> {
            where.add("actorId = :actor");
            parameters.and("actor", value);
        });
        filter.subjectId().ifPresent(value -> {
            where.add("subjectId = :subject");
            parameters.and("subject", value);
        });
        filter.clientId().ifPresent(value -> {
            where.add("clientId = :client");
            parameters.and("client", value);
        });
        filter.status().ifPresent(value -> {
            where.add("status = :status");
            parameters.and("status", value);
        });
        if (after != null) {
            where.add("(startedAt < :afterStarted or (startedAt = :afterStarted and id < :afterId))");
            parameters.and("afterStarted", after.startedAt).and("afterId", after.id);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by startedAt desc, id desc";
        return find(where.isEmpty() ? query.trim() : query, parameters).page(0, limit).list();
    }
}
