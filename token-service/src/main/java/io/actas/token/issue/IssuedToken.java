package io.actas.token.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record of one JWT this server signed: what revocation and introspection consult. */
@Entity
@Table(name = "issued_token")
public class IssuedToken {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String ID_TOKEN = "id_token";
    public static final String SERVICE_TOKEN = "service_token";
    /** A WSO2-style subject token ({@code response_type=subject_token}); used up by its token exchange. */
    public static final String SUBJECT_TOKEN = "subject_token";

    @Id
    public String jti;

    /** The signing key; a retired key stays published while one of its tokens is unexpired. */
    public String kid;

    @Column(name = "token_type")
    public String tokenType;

    @Column(name = "client_id")
    public String clientId;

    public String subject;

    /** The login (authorization code and its refresh tokens) the token belongs to; revoked together. */
    @Column(name = "family_id")
    public UUID familyId;

    /** The impersonation session ({@code imp.sid}), for impersonated tokens. */
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
