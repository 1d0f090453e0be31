package io.actas.token.refresh;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, stored by hash. Each use rotates it: the old one is marked used, a new one joins the family. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    /** One family per login; a reused token revokes the whole family. */
    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "client_id")
    public String clientId;

    public String subject;

    public String[] scopes;

    @Column(name = "auth_time")
    public Instant authTime;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When it was exchanged for a new one; a second use is a reuse. */
    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The impersonation session of an impersonated login ({@code imp.sid}); refreshing keeps act and imp. */
    @Column(name = "session_id")
    public String sessionId;

    public Set<String> scopeSet() {
        return new LinkedHashSet<>(Arrays.asList(scopes));
    }
}
