package io.actas.token.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.Act;
import io.actas.events.EventTypes;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.actas.token.impersonation.ActChain;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.outbox.Outbox;
import io.actas.token.refresh.RefreshTokenRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Impersonation sessions: opened by the first impersonated token of a start, ended by the API, by expiry or by a
 * directory event. Every change writes its event to the outbox in the same transaction, and ending a session revokes
 * every access, ID and refresh token of it.
 */
@ApplicationScoped
public class ImpersonationSessionService {

    private static final Logger LOG = Logger.getLogger(ImpersonationSessionService.class);

    private final ImpersonationSessionRepository sessions;
    private final IssuedTokenRepository issuedTokens;
    private final RefreshTokenRepository refreshTokens;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ImpersonationSessionService(ImpersonationSessionRepository sessions, IssuedTokenRepository issuedTokens,
            RefreshTokenRepository refreshTokens, Outbox outbox, ObjectMapper mapper) {
        this.sessions = sessions;
        this.issuedTokens = issuedTokens;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /**
     * The live session of this (actor, subject, client) start, or a new one (with its {@code session.started} event)
     * whose hard expiry is the policy's limit. A joined session keeps its expiry and reason. Joins the caller's
     * transaction.
     */
    @WithTransaction
    public Uni<ImpersonationSession> open(SessionStart start) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return sessions.findLive(start.act().actorId(), start.subjectId(), start.clientId(), now).flatMap(live -> {
            if (live != null && live.act.equals(json(start.act().act()))) {
                return Uni.createFrom().item(live);
            }
            ImpersonationSession session = new ImpersonationSession();
            session.id = UUID.randomUUID().toString();
            session.actorId = start.act().actorId();
            session.subjectId = start.subjectId();
            session.clientId = start.clientId();
            session.organizationId = start.organizationId();
            session.reason = start.reason();
            session.flow = start.flow();
            session.ruleId = start.ruleId();
            session.scopes = start.scopes().toArray(String[]::new);
            session.refreshAllowed = start.refreshAllowed();
            session.act = json(start.act().act());
            session.status = ImpersonationSession.ACTIVE;
            session.startedAt = now;
            session.expiresAt = now.plus(start.maxLength());
            return sessions.persist(session)
                    .call(saved -> outbox.append(EventTypes.SESSION_STARTED, saved.subjectId,
                            new SessionStarted(saved.id, saved.actorId, saved.subjectId, saved.clientId,
                                    saved.organizationId, start.organizationName(), saved.reason,
                                    List.copyOf(start.scopes()), saved.ruleId, saved.flow, saved.startedAt,
                                    saved.expiresAt, start.act().act())));
        });
    }

    @WithSession
    public Uni<Optional<ImpersonationSession>> find(String id) {
        return sessions.findById(id).map(Optional::ofNullable);
    }

    @WithSession
    public Uni<List<ImpersonationSession>> search(SessionFilter filter, Optional<String> afterId, int limit) {
        Uni<ImpersonationSession> after = afterId.isEmpty() ? Uni.createFrom().nullItem() : sessions.findById(afterId.get());
        return after.flatMap(cursor -> sessions.search(filter, cursor, limit));
    }

    /** The session's {@code act} chain. */
    public ActChain act(ImpersonationSession session) {
        try {
            return ActChain.read(mapper.readValue(session.act, Act.class))
                    .orElseThrow(() -> new IllegalStateException("Session " + session.id + " has no act"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored act of session " + session.id + " is unreadable", e);
        }
    }

    /** Ends a session through the API ({@code revoked}); ending an ended session changes nothing. */
    @WithTransaction
    public Uni<Optional<ImpersonationSession>> end(String id, String endedBy) {
        return sessions.findById(id).flatMap(session -> session == null ? Uni.createFrom().item(Optional.empty())
                : close(session, ImpersonationSession.ENDED, SessionEnded.REVOKED, endedBy).map(Optional::of));
    }

    /** Marks sessions past their hard expiry {@code expired}; the number ended. */
    @WithTransaction
    public Uni<Integer> expireDue(int limit) {
        return sessions.due(Instant.now(), limit).flatMap(due -> closeAll(due, ImpersonationSession.EXPIRED,
                SessionEnded.EXPIRED, null));
    }

    /** Ends the active sessions, started before {@code before}, in which the user is the actor. */
    @WithTransaction
    public Uni<Integer> endAsActor(String userId, Instant before, String reason) {
        return sessions.activeOf("actorId", userId, before)
                .flatMap(found -> closeAll(found, ImpersonationSession.ENDED, reason, null));
    }

    /** Ends the active sessions, started before {@code before}, in which the user is the subject. */
    @WithTransaction
    public Uni<Integer> endAsSubject(String userId, Instant before, String reason) {
        return sessions.activeOf("subjectId", userId, before)
                .flatMap(found -> closeAll(found, ImpersonationSession.ENDED, reason, null));
    }

    private Uni<Integer> closeAll(List<ImpersonationSession> found, String status, String reason, String endedBy) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (ImpersonationSession session : new ArrayList<>(found)) {
            chain = chain.flatMap(count -> close(session, status, reason, endedBy).map(closed -> count + 1));
        }
        return chain;
    }

    /** Ends one session, revokes its tokens and writes {@code session.ended}; an ended session stays as it is. */
    private Uni<ImpersonationSession> close(ImpersonationSession session, String status, String reason, String endedBy) {
        if (!ImpersonationSession.ACTIVE.equals(session.status)) {
            return Uni.createFrom().item(session);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        session.status = status;
        session.endedAt = now.isBefore(session.expiresAt) ? now : session.expiresAt;
        session.endReason = reason;
        session.endedBy = endedBy;
        LOG.infof("Impersonation session %s %s (%s)", session.id, status, reason);
        return issuedTokens.update("revokedAt = ?1 where sessionId = ?2 and revokedAt is null", now, session.id)
                .call(ignored -> refreshTokens.revokeSession(session.id, now))
                .call(ignored -> outbox.append(EventTypes.SESSION_ENDED, session.subjectId,
                        new SessionEnded(session.id, session.actorId, session.subjectId, session.clientId,
                                session.organizationId, reason, endedBy, session.startedAt, session.endedAt)))
                .replaceWith(session);
    }

    private String json(Act act) {
        try {
            return mapper.writeValueAsString(act);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("act cannot be written", e);
        }
    }
}
