package io.actas.token.impersonation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.client.Client;
import io.actas.token.issue.TokenResponse;
import io.actas.token.oauth.OAuthException;
import io.actas.token.refresh.RefreshToken;
import io.actas.token.refresh.RefreshTokenService;
import io.actas.token.session.ImpersonationSession;
import io.actas.token.session.ImpersonationSessionService;
import io.actas.token.upstream.UserDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The refresh of an impersonated login (RFC 6749 §6 with rotation): only while its session is live and its subject
 * active; the new tokens keep {@code act} and {@code imp} and never outlive the session.
 */
@ApplicationScoped
public class ImpersonatedRefresh {

    private final ImpersonationSessionService sessions;
    private final ImpersonationService impersonation;
    private final RefreshTokenService refreshTokens;
    private final UserDirectory directory;

    public ImpersonatedRefresh(ImpersonationSessionService sessions, ImpersonationService impersonation,
            RefreshTokenService refreshTokens, UserDirectory directory) {
        this.sessions = sessions;
        this.impersonation = impersonation;
        this.refreshTokens = refreshTokens;
        this.directory = directory;
    }

    /**
     * The next tokens; empty when another request used the refresh token first (a reuse, which the caller answers by
     * revoking the family). {@code invalid_grant} when the session ended or the subject is no longer active.
     */
    public Uni<Optional<TokenResponse>> refresh(RefreshToken token, Client client, Set<String> scopes,
            String invalidDescription) {
        return sessions.find(token.sessionId).flatMap(found -> {
            ImpersonationSession session = found.filter(candidate -> candidate.live(Instant.now()))
                    .orElseThrow(() -> OAuthException.invalidGrant(invalidDescription));
            return directory.activeUser(token.subject).flatMap(user -> {
                if (user.isEmpty()) {
                    throw OAuthException.invalidGrant(invalidDescription);
                }
                return Panache.withTransaction(() -> refreshTokens.markUsed(token)
                        .flatMap(marked -> !marked ? Uni.createFrom().item(Optional.<TokenResponse> empty())
                                : impersonation.reissue(client, session, user.get(), scopes, token.familyId,
                                        token.authTime).map(Optional::of)));
            });
        });
    }
}
