package io.actas.token.orgswitch;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.actas.token.client.Client;
import io.actas.token.issue.IssuedToken;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.issue.TokenVerifier;
import io.actas.token.oauth.Claims;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Reads the {@code token} parameter of an organization switch. Empty — answered {@code invalid_grant} without saying
 * why — unless it is an RFC 9068 access token this server signed and recorded, unexpired, not revoked, issued to the
 * requesting client, and a user's token ({@code aut} {@code APPLICATION_USER}).
 */
@ApplicationScoped
public class SwitchSources {

    private final TokenVerifier verifier;
    private final IssuedTokenRepository issuedTokens;

    public SwitchSources(TokenVerifier verifier, IssuedTokenRepository issuedTokens) {
        this.verifier = verifier;
        this.issuedTokens = issuedTokens;
    }

    @WithSession
    public Uni<Optional<SwitchSource>> read(String token, Client client) {
        return verifier.active(token, Claims.TYPE_ACCESS_TOKEN).flatMap(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().item(Optional.<SwitchSource> empty());
            }
            return issuedTokens.findById(jti(claims.get()))
                    .map(record -> accessTokenRecord(record) ? SwitchSource.read(claims.get(), record.familyId)
                            : Optional.<SwitchSource> empty())
                    .map(source -> source.filter(found -> issuedTo(found, client)).filter(SwitchSources::userToken));
        });
    }

    /** The record is an access token's (ID tokens are not accepted, even though they are signed the same way). */
    private static boolean accessTokenRecord(IssuedToken record) {
        return record != null && IssuedToken.ACCESS_TOKEN.equals(record.tokenType);
    }

    /** A client switches its own tokens only: another client's token is as good as none (RFC 6749 §5.2 invalid_grant). */
    private static boolean issuedTo(SwitchSource source, Client client) {
        return client.clientId.equals(source.clientId());
    }

    /** WSO2: only {@code APPLICATION_USER} tokens switch; a client_credentials token has no user to be a member. */
    private static boolean userToken(SwitchSource source) {
        return Claims.APPLICATION_USER.equals(source.aut()) && source.organizationId() != null;
    }

    private static String jti(JwtClaims claims) {
        try {
            return claims.getJwtId();
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
