package io.actas.token.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An impersonation session (DESIGN §1): every impersonated token of one (actor, subject, client) start, with a hard
 * expiry from the policy. Ending it revokes all of its tokens.
 */
@Entity
@Table(name = "impersonation_session")
public class ImpersonationSession {

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";
    public static final String EXPIRED = "expired";

    /** {@code imp.sid}. */
    @Id
    public String id;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "organization_id")
    public String organizationId;

    /** {@code imp.reason}. */
    public String reason;

    /** How it started: {@code token_exchange}, {@code subject_token}, {@code login_prompt} or {@code delegation}. */
    public String flow;

    @Column(name = "rule_id")
    public String ruleId;

    /** Scopes policy-service granted. */
    public String[] scopes = new String[0];

    @Column(name = "refresh_allowed")
    public boolean refreshAllowed;

    /** The {@code act} chain of the session's tokens, as JSON. */
    public String act;

    public String status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by")
    public String endedBy;

    public Set<String> scopeSet() {
        return new LinkedHashSet<>(Arrays.asList(scopes));
    }

    /** Active and not past its hard expiry. */
    public boolean live(Instant now) {
        return ACTIVE.equals(status) && now.isBefore(expiresAt);
    }
}
