package io.actas.token.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.ReasonCodes;
import io.actas.token.client.Client;
import io.actas.token.config.TokenConfig;
import io.actas.token.grant.RequestedScopes;
import io.actas.token.grant.TokenGrant;
import io.actas.token.impersonation.ActChain;
import io.actas.token.impersonation.Attempt;
import io.actas.token.impersonation.Denials;
import io.actas.token.impersonation.Flows;
import io.actas.token.impersonation.Impersonation;
import io.actas.token.impersonation.ImpersonationConfig;
import io.actas.token.impersonation.ImpersonationDecisions;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.session.ImpersonationSessionService;
import io.actas.token.upstream.PolicyClient;
import io.actas.token.upstream.UserDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * RFC 8693 token exchange in the three modes of DESIGN §3 — direct (the subject is a user id), WSO2 (the subject token
 * of {@code response_type=subject_token}) and delegation (the subject's own access token) — always with an actor token.
 * Each check is a method citing its rule; every refusal goes through {@link Denials}.
 */
@ApplicationScoped
public class TokenExchangeGrant implements TokenGrant {

    /** The scope an actor's access token carries when its user may impersonate (issue 5, from the actor's role). */
    public static final String IMPERSONATION_SCOPE = "impersonation";

    private final ExchangeTokens tokens;
    private final ImpersonationDecisions decisions;
    private final ImpersonationService impersonation;
    private final ImpersonationSessionService sessions;
    private final UserDirectory directory;
    private final Denials denials;
    private final String issuer;
    private final String audience;
    private final Duration defaultMaxSession;

    public TokenExchangeGrant(ExchangeTokens tokens, ImpersonationDecisions decisions, ImpersonationService impersonation,
            ImpersonationSessionService sessions, UserDirectory directory, Denials denials, TokenIssuer issuer,
            TokenConfig config, ImpersonationConfig impersonationConfig) {
        this.tokens = tokens;
        this.decisions = decisions;
        this.impersonation = impersonation;
        this.sessions = sessions;
        this.directory = directory;
        this.denials = denials;
        this.issuer = issuer.issuer();
        this.audience = config.tokens().audience();
        this.defaultMaxSession = impersonationConfig.defaultMaxSession();
    }

    @Override
    public String grantType() {
        return GrantTypes.TOKEN_EXCHANGE;
    }

    @Override
    public Uni<TokenResponse> grant(Client client, OAuthParameters parameters) {
        ExchangeRequest request = ExchangeRequest.read(parameters);
        Set<String> requested = RequestedScopes.of(client, request.scope());
        checkTarget(request);
        // actor_token: OPTIONAL in RFC 8693 §2.1, REQUIRED by every mode here (DESIGN §3)
        String actorToken = request.actorToken()
                .orElseThrow(() -> OAuthException.invalidRequest("actor_token is required."));
        Attempt attempt = new Attempt(request.delegation() ? Flows.DELEGATION : Flows.TOKEN_EXCHANGE, null,
                request.direct() ? request.subjectToken() : null, client.clientId, null, request.reason().orElse(null));
        return tokens.actor(actorToken, request.actorTokenType().orElseThrow(), client).flatMap(found -> {
            if (found.isEmpty()) {
                return denials.deny(attempt, ReasonCodes.INVALID_ACTOR_TOKEN, null, invalidToken("actor_token"));
            }
            PresentedToken actor = found.get();
            Attempt known = attempt.withActor(actor.subject(), actor.organizationId());
            if (!clientMayImpersonate(client)) {
                return denials.deny(known, ReasonCodes.CLIENT_NOT_ALLOWED);
            }
            if (request.direct()) {
                return direct(client, request, requested, actor, known);
            }
            if (request.subjectTokenMode()) {
                return subjectToken(client, request, requested, actor, known);
            }
            return delegation(client, request, requested, actor, known);
        });
    }

    // ---- direct mode: subject_token = the subject's user id ----

    private Uni<TokenResponse> direct(Client client, ExchangeRequest request, Set<String> requested,
            PresentedToken actor, Attempt attempt) {
        Optional<ActChain> act = ActChain.nest(actor.subject(), issuer, actor.act());
        if (act.isEmpty()) {
            return denials.deny(attempt, ReasonCodes.CHAINING_FORBIDDEN);
        }
        return decideAndIssue(client, requested, actor, attempt, act.get(), Optional.empty());
    }

    // ---- WSO2 mode: subject_token = a subject token with may_act ----

    private Uni<TokenResponse> subjectToken(Client client, ExchangeRequest request, Set<String> requested,
            PresentedToken actor, Attempt attempt) {
        return tokens.subjectToken(request.subjectToken(), client).flatMap(found -> {
            if (found.isEmpty()) {
                return denials.deny(attempt, ReasonCodes.INVALID_SUBJECT_TOKEN, null, invalidToken("subject_token"));
            }
            PresentedToken subject = found.get();
            Attempt known = attempt.withSubject(subject.subject());
            if (!mayActMatches(subject, actor)) {
                return denials.deny(known, ReasonCodes.MAY_ACT_MISMATCH, null, invalidToken("actor_token"));
            }
            Optional<ActChain> act = ActChain.nest(actor.subject(), issuer, actor.act());
            if (act.isEmpty()) {
                return denials.deny(known, ReasonCodes.CHAINING_FORBIDDEN);
            }
            return decideAndIssue(client, within(requested, subject.scopes()), actor, known, act.get(),
                    Optional.of(subject));
        });
    }

    // ---- delegation: subject_token = the subject's own access token, actor_token = a service's token ----

    private Uni<TokenResponse> delegation(Client client, ExchangeRequest request, Set<String> requested,
            PresentedToken actor, Attempt attempt) {
        return tokens.accessToken(request.subjectToken()).flatMap(found -> {
            if (found.isEmpty()) {
                return denials.deny(attempt, ReasonCodes.INVALID_SUBJECT_TOKEN, null, invalidToken("subject_token"));
            }
            PresentedToken subject = found.get();
            Attempt known = attempt.withSubject(subject.subject());
            if (!mayActMatches(subject, actor)) {
                return denials.deny(known, ReasonCodes.MAY_ACT_MISMATCH, null, invalidToken("actor_token"));
            }
            if (actor.impersonated()) {
                return denials.deny(known, ReasonCodes.CHAINING_FORBIDDEN);
            }
            Optional<ActChain> act = ActChain.nest(actor.subject(), issuer, subject.act());
            if (act.isEmpty()) {
                return denials.deny(known, ReasonCodes.CHAINING_FORBIDDEN);
            }
            Set<String> scopes = within(requested, subject.scopes());
            return directory.activeUser(subject.subject()).flatMap(user -> {
                if (user.isEmpty()) {
                    return denials.deny(known, ReasonCodes.SUBJECT_INACTIVE);
                }
                if (subject.sessionId() != null) {
                    return continueSession(client, subject, act.get(), user.get(), scopes, known);
                }
                Duration untilSubjectTokenEnds = Duration.between(Instant.now(), subject.expiresAt());
                return impersonation.issue(new Impersonation(client, GrantTypes.TOKEN_EXCHANGE, Flows.DELEGATION,
                        act.get(), user.get(), scopes, known.reason(), null, false, untilSubjectTokenEnds, null, null, null,
                        TokenTypes.ACCESS_TOKEN));
            });
        });
    }

    /** A delegated impersonated token stays in its session: ending the session revokes the delegated tokens too. */
    private Uni<TokenResponse> continueSession(Client client, PresentedToken subject, ActChain act, UserClaims user,
            Set<String> scopes, Attempt attempt) {
        return sessions.find(subject.sessionId()).flatMap(session -> {
            if (session.isEmpty() || !session.get().live(Instant.now())) {
                return denials.deny(attempt, ReasonCodes.INVALID_SUBJECT_TOKEN, null, invalidToken("subject_token"));
            }
            return impersonation.delegate(client, session.get(), act, user, scopes, TokenTypes.ACCESS_TOKEN);
        });
    }

    // ---- shared by direct and WSO2 mode ----

    private Uni<TokenResponse> decideAndIssue(Client client, Set<String> requested, PresentedToken actor,
            Attempt attempt, ActChain act, Optional<PresentedToken> subjectToken) {
        return decisions.decide(attempt, requested, actor.impersonated())
                .flatMap(decision -> directory.activeUser(attempt.subjectId()).flatMap(user -> {
                    // after the policy, so that its guards (chaining above all) are what the denial names
                    if (!actorHoldsImpersonationScope(actor)) {
                        return denials.deny(attempt, ReasonCodes.MISSING_PERMISSION);
                    }
                    if (user.isEmpty()) {
                        return denials.deny(attempt, ReasonCodes.SUBJECT_INACTIVE);
                    }
                    Impersonation allowed = allowed(client, attempt, act, user.get(), requested, decision);
                    if (subjectToken.isEmpty()) {
                        return impersonation.issue(allowed);
                    }
                    return Panache.withTransaction(() -> tokens.consume(subjectToken.get())
                            .flatMap(fresh -> fresh ? impersonation.issue(allowed).map(Optional::of)
                                    : Uni.createFrom().item(Optional.<TokenResponse> empty())))
                            .flatMap(issued -> issued.isPresent() ? Uni.createFrom().item(issued.get())
                                    : denials.deny(attempt, ReasonCodes.INVALID_SUBJECT_TOKEN, null,
                                            invalidToken("subject_token")));
                }));
    }

    private Impersonation allowed(Client client, Attempt attempt, ActChain act, UserClaims subject,
            Set<String> requested, PolicyClient.ImpersonationDecision decision) {
        Duration maxSession = decision.maxSessionSeconds() == null ? defaultMaxSession
                : Duration.ofSeconds(decision.maxSessionSeconds());
        return new Impersonation(client, GrantTypes.TOKEN_EXCHANGE, attempt.flow(), act, subject,
                ImpersonationService.finalScopes(requested, decision.grantedScopes()), attempt.reason(),
                decision.ruleId(), decision.refreshAllowed(), maxSession, null, null, null, TokenTypes.ACCESS_TOKEN);
    }

    // ---- checks ----

    /** DESIGN §4: only clients registered for impersonation issue tokens with {@code act}. */
    private static boolean clientMayImpersonate(Client client) {
        return client.impersonationEnabled;
    }

    /**
     * Issue 5: the actor's access token carries the {@code impersonation} scope (from the actor's role). An ID token
     * (WSO2 sends the actor's) has no scopes: for it the policy's own permission guard decides.
     */
    private static boolean actorHoldsImpersonationScope(PresentedToken actor) {
        return actor.idToken() || actor.scopes().contains(IMPERSONATION_SCOPE);
    }

    /** RFC 8693 §4.4: when the subject token names who may act ({@code may_act.sub}), the actor must be that party. */
    private static boolean mayActMatches(PresentedToken subject, PresentedToken actor) {
        return subject.mayAct().map(actor.subject()::equals).orElse(true);
    }

    /**
     * RFC 8693 §2.2.2 {@code invalid_target}: tokens are issued for this server's resource servers only ({@code aud} =
     * {@code actas.tokens.audience}); other audiences and resources are refused.
     */
    private void checkTarget(ExchangeRequest request) {
        boolean foreignAudience = request.audiences().stream().anyMatch(value -> !audience.equals(value));
        if (foreignAudience || !request.resources().isEmpty()) {
            throw new OAuthException(OAuthErrors.INVALID_TARGET,
                    "Tokens can be issued for audience '" + audience + "' only.", 400, null);
        }
    }

    /** WSO2: scopes = requested ∩ the subject token's scopes. */
    private static Set<String> within(Set<String> requested, Set<String> allowed) {
        Set<String> scopes = new LinkedHashSet<>(requested);
        scopes.retainAll(allowed);
        return scopes;
    }

    /** RFC 8693 §2.2.2: an invalid or unacceptable subject or actor token is {@code invalid_request}. */
    private static OAuthException invalidToken(String parameter) {
        return OAuthException.invalidRequest("The " + parameter + " is invalid.");
    }
}
