package io.actas.token.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.token.config.TokenConfig;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.OpaqueTokens;
import io.actas.token.prompt.CodeImpersonation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Authorization codes: issued after login, redeemed once at the token endpoint. */
@ApplicationScoped
public class AuthorizationCodeService {

    private final AuthorizationCodeRepository codes;
    private final ObjectMapper mapper;
    private final Duration lifetime;

    public AuthorizationCodeService(AuthorizationCodeRepository codes, ObjectMapper mapper, TokenConfig config) {
        this.codes = codes;
        this.mapper = mapper;
        this.lifetime = config.tokens().authorizationCodeLifetime();
    }

    /**
     * Stores a code for the logged-in user — or, with {@code impersonation} (the Curity flow), for the user they chose to
     * act as — and returns its value (only the hash is kept). Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<String> issue(AuthorizationRequest request, UserClaims user, Set<String> scopes,
            CodeImpersonation impersonation) {
        String value = OpaqueTokens.newValue();
        AuthorizationCode code = new AuthorizationCode();
        code.codeHash = OpaqueTokens.hash(value);
        code.clientId = request.client().clientId;
        code.redirectUri = request.redirectUri();
        code.redirectUriGiven = request.redirectUriGiven();
        code.subject = user.userId();
        code.scopes = scopes.toArray(String[]::new);
        code.nonce = request.nonce();
        code.codeChallenge = request.codeChallenge();
        code.codeChallengeMethod = request.codeChallenge() == null ? null : Pkce.S256;
        code.claims = write(user);
        code.createdAt = Instant.now();
        code.authTime = code.createdAt;
        code.expiresAt = code.createdAt.plus(lifetime);
        code.familyId = UUID.randomUUID();
        if (impersonation != null) {
            code.actSub = impersonation.actorId();
            code.impReason = impersonation.reason();
            code.impRuleId = impersonation.ruleId();
            code.impMaxSessionSeconds = impersonation.maxSessionSeconds();
            code.impRefreshAllowed = impersonation.refreshAllowed();
        }
        return codes.persist(code).replaceWith(value);
    }

    @WithSession
    public Uni<Optional<AuthorizationCode>> find(String value) {
        return codes.findById(OpaqueTokens.hash(value)).map(Optional::ofNullable);
    }

    /** Redeems the code; false when another request redeemed it first. Joins the caller's transaction. */
    @WithTransaction
    public Uni<Boolean> consume(AuthorizationCode code) {
        return codes.consume(code.codeHash, Instant.now()).map(updated -> updated == 1);
    }

    public UserClaims claims(AuthorizationCode code) {
        try {
            return mapper.readValue(code.claims, UserClaims.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored claims of an authorization code are unreadable", e);
        }
    }

    private String write(UserClaims user) {
        try {
            return mapper.writeValueAsString(user);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("User claims cannot be written", e);
        }
    }
}
