package io.actas.token.prompt;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.ReasonCodes;
import io.actas.token.client.Client;
import io.actas.token.exchange.TokenExchangeGrant;
import io.actas.token.impersonation.Attempt;
import io.actas.token.impersonation.Denials;
import io.actas.token.impersonation.Flows;
import io.actas.token.impersonation.ImpersonationConfig;
import io.actas.token.impersonation.ImpersonationDecisions;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.OpaqueTokens;
import io.actas.token.upstream.OrgClient;
import io.actas.token.upstream.PolicyClient;
import io.actas.token.upstream.UserDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The Curity flow, client unaware: after a login through a client with {@code impersonation_prompt}, a person who holds
 * the {@code impersonation} permission for that client is asked "act as (optional)". Choosing nobody continues as
 * themselves; choosing a user (by username in their organization, or by id) asks policy-service, and an allowed answer
 * yields a code whose tokens have {@code sub} = the chosen user and {@code act.sub} = the person.
 */
@ApplicationScoped
public class ImpersonationPromptService {

    private final ImpersonationPromptRepository prompts;
    private final PolicyClient policy;
    private final OrgClient org;
    private final UserDirectory directory;
    private final ImpersonationDecisions decisions;
    private final Denials denials;
    private final ObjectMapper mapper;
    private final ImpersonationConfig config;

    public ImpersonationPromptService(ImpersonationPromptRepository prompts, PolicyClient policy, OrgClient org,
            UserDirectory directory, ImpersonationDecisions decisions, Denials denials, ObjectMapper mapper,
            ImpersonationConfig config) {
        this.prompts = prompts;
        this.policy = policy;
        this.org = org;
        this.directory = directory;
        this.decisions = decisions;
        this.denials = denials;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * A prompt (its one-time value) when the client asks and the person may impersonate through it; empty otherwise,
     * and the login goes on as usual.
     */
    public Uni<Optional<String>> offer(Client client, UserClaims person, Set<String> ownScopes) {
        if (!client.impersonationPrompt || !client.impersonationEnabled) {
            return Uni.createFrom().item(Optional.empty());
        }
        return policy.effectiveScopes(person.userId(), client.clientId, person.organizationId())
                .flatMap(held -> held.contains(TokenExchangeGrant.IMPERSONATION_SCOPE) ? store(client, person, ownScopes)
                        .map(Optional::of) : Uni.createFrom().item(Optional.empty()));
    }

    @WithTransaction
    Uni<String> store(Client client, UserClaims person, Set<String> ownScopes) {
        String value = OpaqueTokens.newValue();
        ImpersonationPrompt prompt = new ImpersonationPrompt();
        prompt.promptHash = OpaqueTokens.hash(value);
        prompt.clientId = client.clientId;
        prompt.actorId = person.userId();
        prompt.claims = write(person);
        prompt.scopes = ownScopes.toArray(String[]::new);
        prompt.createdAt = Instant.now();
        prompt.expiresAt = prompt.createdAt.plus(config.promptLifetime());
        return prompts.persist(prompt).replaceWith(value);
    }

    /** The unused, unexpired prompt of this client; empty otherwise (the login starts over). */
    @WithSession
    public Uni<Optional<ImpersonationPrompt>> find(Client client, String value) {
        return prompts.findById(OpaqueTokens.hash(value)).map(found -> Optional.ofNullable(found)
                .filter(prompt -> prompt.clientId.equals(client.clientId) && prompt.consumedAt == null
                        && Instant.now().isBefore(prompt.expiresAt)));
    }

    /** Uses the prompt up, in the transaction that issues the code; false when it was used already. */
    @WithTransaction
    public Uni<Boolean> consume(ImpersonationPrompt prompt) {
        return prompts.consume(prompt.promptHash, prompt.clientId, Instant.now()).map(updated -> updated == 1);
    }

    /**
     * The answer: nobody chosen → the person's own login; someone chosen → the impersonation policy-service allows (a
     * denial fails with {@code access_denied}, no answer with {@code temporarily_unavailable}, both recorded).
     */
    public Uni<PromptAnswer> answer(Client client, ImpersonationPrompt prompt, Optional<String> actAs,
            Optional<String> reason, Set<String> requestedScopes) {
        UserClaims person = read(prompt.claims);
        if (actAs.isEmpty()) {
            return Uni.createFrom().item(new PromptAnswer(person, prompt.scopeSet(), null));
        }
        Attempt attempt = new Attempt(Flows.LOGIN_PROMPT, person.userId(), null, client.clientId,
                person.organizationId(), reason.orElse(null));
        return resolve(actAs.get(), person).flatMap(subjectId -> {
            if (subjectId.isEmpty()) {
                return denials.deny(attempt.withSubject(actAs.get()), ReasonCodes.SUBJECT_NOT_FOUND);
            }
            Attempt known = attempt.withSubject(subjectId.get());
            return decisions.decide(known, requestedScopes, false)
                    .flatMap(decision -> directory.activeUser(subjectId.get()).flatMap(subject -> {
                        if (subject.isEmpty()) {
                            return denials.deny(known, ReasonCodes.SUBJECT_INACTIVE);
                        }
                        return Uni.createFrom().item(new PromptAnswer(subject.get(),
                                ImpersonationService.finalScopes(requestedScopes, decision.grantedScopes()),
                                new CodeImpersonation(person.userId(), known.reason(), decision.ruleId(),
                                        decision.maxSessionSeconds(), decision.refreshAllowed())));
                    }));
        });
    }

    /** The chosen user: a user id, else a username in the person's organization (impersonation stays within it). */
    private Uni<Optional<String>> resolve(String actAs, UserClaims person) {
        return org.user(actAs).flatMap(byId -> byId.isPresent() ? Uni.createFrom().item(Optional.of(byId.get().id()))
                : org.userByUsername(person.userOrganizationId(), actAs).map(found -> found.map(OrgClient.User::id)));
    }

    private String write(UserClaims claims) {
        try {
            return mapper.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("User claims cannot be written", e);
        }
    }

    private UserClaims read(String claims) {
        try {
            return mapper.readValue(claims, UserClaims.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored claims of a prompt are unreadable", e);
        }
    }
}
