package io.actas.token.exchange;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.actas.token.client.Client;
import io.actas.token.issue.IssuedToken;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenVerifier;
import io.actas.token.oauth.Claims;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reads the tokens of a token exchange request. Every token must be one this server issued and has not revoked; empty
 * means "invalid" (RFC 8693 §2.2.2 {@code invalid_request}), without saying why.
 */
@ApplicationScoped
public class ExchangeTokens {

    private final TokenVerifier verifier;
    private final IssuedTokenRepository issuedTokens;

    public ExchangeTokens(TokenVerifier verifier, IssuedTokenRepository issuedTokens) {
        this.verifier = verifier;
        this.issuedTokens = issuedTokens;
    }

    /**
     * The actor token: an access token issued to the requesting client, or an ID token whose audience is that client
     * (WSO2 sends the actor's ID token).
     */
    public Uni<Optional<PresentedToken>> actor(String token, String type, Client client) {
        boolean idToken = TokenTypes.ID_TOKEN.equals(type);
        return verifier.active(token, idToken ? Claims.TYPE_ID_TOKEN : Claims.TYPE_ACCESS_TOKEN)
                .map(claims -> claims.flatMap(found -> read(found, idToken)).filter(actor -> idToken
                        ? actor.audience() != null && actor.audience().contains(client.clientId)
                        : client.clientId.equals(actor.clientId())));
    }

    /** A subject's own access token (delegation). */
    public Uni<Optional<PresentedToken>> accessToken(String token) {
        return verifier.active(token, Claims.TYPE_ACCESS_TOKEN)
                .map(claims -> claims.flatMap(found -> read(found, false)));
    }

    /**
     * A subject token from {@code response_type=subject_token}: {@code typ: jwt}, recorded as a subject token, with
     * {@code may_act}, and {@code aud} = the requesting client.
     */
    @WithSession
    public Uni<Optional<PresentedToken>> subjectToken(String token, Client client) {
        return verifier.active(token, TokenIssuer.TYPE_SUBJECT_TOKEN).flatMap(claims -> {
            Optional<PresentedToken> read = claims.flatMap(found -> read(found, false))
                    .filter(subject -> subject.mayAct().isPresent())
                    .filter(subject -> subject.audience() != null && subject.audience().contains(client.clientId));
            if (read.isEmpty()) {
                return Uni.createFrom().item(Optional.<PresentedToken> empty());
            }
            return issuedTokens.findById(read.get().jti()).map(record -> record != null
                    && IssuedToken.SUBJECT_TOKEN.equals(record.tokenType) ? read : Optional.<PresentedToken> empty());
        });
    }

    /** Uses a subject token up: each works once. False when it was already used. Joins the caller's transaction. */
    @WithTransaction
    public Uni<Boolean> consume(PresentedToken subjectToken) {
        return issuedTokens.revoke(subjectToken.jti(), Instant.now()).map(updated -> updated == 1);
    }

    private static Optional<PresentedToken> read(JwtClaims claims, boolean idToken) {
        try {
            return claims.getSubject() == null ? Optional.empty() : Optional.of(PresentedToken.of(claims, idToken));
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
