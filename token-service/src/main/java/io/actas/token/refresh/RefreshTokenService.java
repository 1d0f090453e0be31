package io.actas.token.refresh;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.token.client.Client;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.oauth.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Refresh tokens and token families (RFC 9700 §4.14.2): every use rotates the refresh token; a token used twice means it
 * leaked, so the whole family — refresh tokens and the access and ID tokens of that login — is revoked.
 */
@ApplicationScoped
public class RefreshTokenService {

    private static final Logger LOG = Logger.getLogger(RefreshTokenService.class);

    private final RefreshTokenRepository refreshTokens;
    private final IssuedTokenRepository issuedTokens;

    public RefreshTokenService(RefreshTokenRepository refreshTokens, IssuedTokenRepository issuedTokens) {
        this.refreshTokens = refreshTokens;
        this.issuedTokens = issuedTokens;
    }

    /** A new refresh token of the family; the value is returned once, only its hash is stored. Joins the caller's tx. */
    @WithTransaction
    public Uni<String> issue(Client client, String subject, Set<String> scopes, UUID familyId, Instant authTime) {
        return issue(client, subject, scopes, familyId, authTime, null, null);
    }

    /**
     * A refresh token of an impersonation session: it keeps the session, and never outlives it ({@code notAfter}).
     * Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<String> issue(Client client, String subject, Set<String> scopes, UUID familyId, Instant authTime,
            String sessionId, Instant notAfter) {
        String value = OpaqueTokens.newValue();
        RefreshToken token = new RefreshToken();
        token.tokenHash = OpaqueTokens.hash(value);
        token.familyId = familyId;
        token.clientId = client.clientId;
        token.subject = subject;
        token.scopes = scopes.toArray(String[]::new);
        token.authTime = authTime;
        token.issuedAt = Instant.now();
        token.expiresAt = token.issuedAt.plus(client.refreshTokenLifetime());
        if (notAfter != null && notAfter.isBefore(token.expiresAt)) {
            token.expiresAt = notAfter;
        }
        token.sessionId = sessionId;
        return refreshTokens.persist(token).replaceWith(value);
    }

    @WithSession
    public Uni<Optional<RefreshToken>> find(String value) {
        return refreshTokens.findById(OpaqueTokens.hash(value)).map(Optional::ofNullable);
    }

    /** Marks the token used; false when another request used it first (a reuse). Joins the caller's tx. */
    @WithTransaction
    public Uni<Boolean> markUsed(RefreshToken token) {
        return refreshTokens.markUsed(token.tokenHash, Instant.now()).map(updated -> updated == 1);
    }

    /** Revokes every refresh, access and ID token of the family. */
    @WithTransaction
    public Uni<Void> revokeFamily(UUID familyId, String why) {
        Instant now = Instant.now();
        LOG.infof("Revoking token family %s: %s", familyId, why);
        return refreshTokens.revokeFamily(familyId, now)
                .call(ignored -> issuedTokens.revokeFamily(familyId, now))
                .replaceWithVoid();
    }

    /** RFC 7009: revokes a refresh token of the client, and its family. Unknown tokens are not an error. */
    @WithTransaction
    public Uni<Void> revoke(RefreshToken token) {
        return revokeFamily(token.familyId, "refresh token revoked by its client");
    }
}
