package io.actas.token.authorize;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An authorization code (RFC 6749 §4.1.2), stored by hash, redeemable once before it expires. */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {

    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "redirect_uri")
    public String redirectUri;

    /** RFC 6749 §4.1.3: when the authorization request named the redirect URI, the token request must repeat it. */
    @Column(name = "redirect_uri_given")
    public boolean redirectUriGiven;

    public String subject;

    /** Scopes granted at login. */
    public String[] scopes;

    public String nonce;

    @Column(name = "code_challenge")
    public String codeChallenge;

    @Column(name = "code_challenge_method")
    public String codeChallengeMethod;

    /** JSON of the user claims read from org-service at login. */
    public String claims;

    @Column(name = "auth_time")
    public Instant authTime;

    /** The family of the tokens this code yields; a replayed code revokes them. */
    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    /** The Curity flow: the person who logged in and chose to act as {@code subject}; {@code null} otherwise. */
    @Column(name = "act_sub")
    public String actSub;

    /** The reason given for the impersonation. */
    @Column(name = "imp_reason")
    public String impReason;

    /** The policy rule that allowed it. */
    @Column(name = "imp_rule_id")
    public String impRuleId;

    /** The session limit the policy set. */
    @Column(name = "imp_max_session_seconds")
    public Integer impMaxSessionSeconds;

    /** Whether the policy allows refresh tokens. */
    @Column(name = "imp_refresh_allowed")
    public Boolean impRefreshAllowed;

    public Set<String> scopeSet() {
        return new LinkedHashSet<>(Arrays.asList(scopes));
    }
}
