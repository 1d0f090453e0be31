package io.actas.token.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.ReasonCodes;
import io.actas.token.client.Client;
import io.actas.token.impersonation.Attempt;
import io.actas.token.impersonation.Denials;
import io.actas.token.impersonation.Flows;
import io.actas.token.impersonation.ImpersonationConfig;
import io.actas.token.impersonation.ImpersonationDecisions;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.Scopes;
import io.smallrye.mutiny.Uni;

/**
 * WSO2 / Asgardeo step 1: {@code /oauth2/authorize?response_type=subject_token} (or {@code id_token subject_token}) with
 * {@code requested_subject}. The actor has logged in; policy-service is asked; an allowed request gets a short-lived
 * subject token ({@code typ: jwt}, {@code sub} = the subject, {@code aud} = the client, {@code may_act.sub} = the actor)
 * that only a token exchange with the actor's token turns into an impersonated token.
 */
@ApplicationScoped
public class SubjectTokenService {

    public static final String SUBJECT_TOKEN = "subject_token";
    public static final String ID_TOKEN = "id_token";

    private final ImpersonationDecisions decisions;
    private final Denials denials;
    private final TokenIssuer issuer;
    private final ImpersonationConfig config;

    public SubjectTokenService(ImpersonationDecisions decisions, Denials denials, TokenIssuer issuer,
            ImpersonationConfig config) {
        this.decisions = decisions;
        this.denials = denials;
        this.issuer = issuer;
        this.config = config;
    }

    /**
     * The authorization response parameters ({@code subject_token}, and the actor's {@code id_token} when asked for), or
     * a failure with {@code access_denied} / {@code temporarily_unavailable} after the denial was recorded.
     */
    public Uni<Map<String, String>> issue(Client client, UserClaims actor, String requestedSubject, Set<String> scopes,
            Optional<String> reason, boolean withIdToken, String nonce) {
        Attempt attempt = new Attempt(Flows.SUBJECT_TOKEN, actor.userId(), requestedSubject, client.clientId,
                actor.organizationId(), reason.orElse(null));
        if (!client.impersonationEnabled) {
            return denials.deny(attempt, ReasonCodes.CLIENT_NOT_ALLOWED);
        }
        return decisions.decide(attempt, scopes, false).flatMap(decision -> {
            Set<String> granted = ImpersonationService.finalScopes(scopes, decision.grantedScopes());
            Uni<Map<String, String>> response = issuer
                    .subjectToken(client.clientId, requestedSubject, actor.userId(), granted,
                            config.subjectTokenLifetime())
                    .map(signed -> {
                        Map<String, String> parameters = new LinkedHashMap<>();
                        parameters.put(SUBJECT_TOKEN, signed.jwt());
                        return parameters;
                    });
            if (!withIdToken) {
                return response;
            }
            // the actor's ID token: the WSO2 client sends it back as actor_token
            TokenSpec spec = TokenSpec.forUser(client.clientId, actor, Set.of(Scopes.OPENID), client.accessTokenLifetime(),
                    UUID.randomUUID(), Instant.now(), nonce);
            return response.flatMap(parameters -> issuer.idToken(spec).map(id -> {
                Map<String, String> withId = new LinkedHashMap<>();
                withId.put(ID_TOKEN, id.jwt());
                withId.putAll(parameters);
                return withId;
            }));
        });
    }
}
