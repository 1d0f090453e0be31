package io.actas.token.prompt;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The Curity flow's second step: the person who just logged in may impersonate through the client and is asked "act as
 * (optional)". Stored by hash; answered once, within {@code actas.impersonation.prompt-lifetime}.
 */
@Entity
@Table(name = "impersonation_prompt")
public class ImpersonationPrompt {

    @Id
    @Column(name = "prompt_hash")
    public String promptHash;

    @Column(name = "client_id")
    public String clientId;

    /** The person who logged in: the actor if they choose someone. */
    @Column(name = "actor_id")
    public String actorId;

    /** JSON of the actor's user claims (their own token's, if they choose nobody). */
    public String claims;

    /** The scopes of the actor's own token, if they choose nobody. */
    public String[] scopes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    public Set<String> scopeSet() {
        return new LinkedHashSet<>(Arrays.asList(scopes));
    }
}
