package io.actas.token.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.actas.events.Act;
import io.actas.token.issue.TokenIssuer;

/** An impersonation session as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImpersonationSession", description = "Every impersonated token of one (actor, subject, client) start")
public record SessionView(
        @Schema(description = "imp.sid of the session's tokens") String id,
        String actorId,
        String subjectId,
        String clientId,
        String organizationId,
        String reason,
        @Schema(description = "token_exchange, subject_token, login_prompt or delegation") String flow,
        @Schema(description = "The policy rule that allowed it") String ruleId,
        List<String> scopes,
        boolean refreshAllowed,
        @Schema(description = "The act claim of the session's tokens (RFC 8693 §4.1): {sub, iss, act?}") Map<String, Object> act,
        @Schema(description = "active, ended or expired", enumeration = {
                "active", "ended", "expired" }) String status,
        Instant startedAt,
        @Schema(description = "Hard expiry; no token of the session outlives it") Instant expiresAt,
        Instant endedAt,
        @Schema(description = "revoked, expired, actor_demoted or subject_disabled") String endReason,
        @Schema(description = "Who ended it through the API") String endedBy){

    /**
     * {@code act} is the claim's map, not the {@code Act} record: Quarkus REST's generated (reflection-free) serializer
     * of a record returned here is registered in the shared ObjectMapper and reads {@code iss()} as an is-getter
     * ({@code "s"}), which would then corrupt every event carrying an {@code Act}.
     */
    static SessionView of(ImpersonationSession session, Act act, Instant now) {
        String status = ImpersonationSession.ACTIVE.equals(session.status) && !now.isBefore(session.expiresAt)
                ? ImpersonationSession.EXPIRED
                : session.status;
        return new SessionView(session.id, session.actorId, session.subjectId, session.clientId, session.organizationId,
                session.reason, session.flow, session.ruleId, List.of(session.scopes), session.refreshAllowed,
                TokenIssuer.actClaim(act), status,
                session.startedAt, session.expiresAt, session.endedAt, session.endReason, session.endedBy);
    }

    /** A page of sessions, newest first; {@code nextCursor} is absent on the last page. */
    @Schema(name = "ImpersonationSessionPage")
    public record Page(List<SessionView> items, String nextCursor) {
    }
}
