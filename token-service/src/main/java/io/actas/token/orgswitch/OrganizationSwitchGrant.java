package io.actas.token.orgswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.ReasonCodes;
import io.actas.token.client.Client;
import io.actas.token.grant.RequestedScopes;
import io.actas.token.grant.TokenGrant;
import io.actas.token.impersonation.ImpersonationDecisions;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.oauth.Scopes;
import io.actas.token.session.ImpersonationSession;
import io.actas.token.session.ImpersonationSessionService;
import io.actas.token.upstream.OrgClient;
import io.actas.token.upstream.PolicyClient;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The WSO2 / Asgardeo {@code organization_switch} grant (DESIGN §3 grant 4, wire-formats §3.3 step 3): a client trades an
 * access token of its user — impersonated or not — for one in a descendant organization. The new token names the
 * switched organization ({@code org_id}, {@code org_name}), keeps the subject's resident organization ({@code user_org}),
 * copies {@code act} and {@code imp} unchanged, holds only what the subject holds there, and never outlives the input.
 * Each check is a method; every refusal goes through {@link OrgSwitchEvents}.
 */
@ApplicationScoped
public class OrganizationSwitchGrant implements TokenGrant {

    /** The scope an actor needs to carry an impersonation into child organizations (DESIGN §4). */
    public static final String ORG_IMPERSONATION = "org_impersonation";

    static final String TOKEN = "token";
    static final String SWITCHING_ORGANIZATION = "switching_organization";
    private static final String INVALID_TOKEN = "The token is invalid, expired or revoked.";
    /** What an organization id can look like: it goes into org-service's URL path. */
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final SwitchSources sources;
    private final OrgClient org;
    private final PolicyClient policy;
    private final ImpersonationDecisions decisions;
    private final ImpersonationSessionService sessions;
    private final TokenIssuer issuer;
    private final OrgSwitchEvents events;

    public OrganizationSwitchGrant(SwitchSources sources, OrgClient org, PolicyClient policy,
            ImpersonationDecisions decisions, ImpersonationSessionService sessions, TokenIssuer issuer,
            OrgSwitchEvents events) {
        this.sources = sources;
        this.org = org;
        this.policy = policy;
        this.decisions = decisions;
        this.sessions = sessions;
        this.issuer = issuer;
        this.events = events;
    }

    @Override
    public String grantType() {
        return GrantTypes.ORGANIZATION_SWITCH;
    }

    @Override
    public Uni<TokenResponse> grant(Client client, OAuthParameters parameters) {
        // token (REQUIRED): an access token of this issuer, impersonated or not
        String token = parameters.required(TOKEN);
        // switching_organization (REQUIRED): the organization id to switch into
        String organizationId = parameters.required(SWITCHING_ORGANIZATION);
        if (!ORGANIZATION_ID.matcher(organizationId).matches()) {
            throw OAuthException.invalidRequest("switching_organization is not an organization id.");
        }
        // scope (OPTIONAL) RFC 6749 §3.3: registered for the client, else invalid_scope
        Set<String> requested = RequestedScopes.of(client, parameters.optional("scope"));
        return sources.read(token, client).flatMap(found -> {
            SwitchSource source = found.orElseThrow(() -> OAuthException.invalidGrant(INVALID_TOKEN));
            return ceiling(source).flatMap(ceiling -> org.organization(organizationId).flatMap(organization -> {
                Optional<String> refused = checkOrganization(source, organization, client);
                if (refused.isPresent()) {
                    return events.deny(source, client.clientId, organizationId, refused.get());
                }
                OrgClient.Organization target = organization.orElseThrow();
                return facts(source, client, target).flatMap(facts -> {
                    Optional<String> denied = checkPeople(source, target, facts);
                    if (denied.isPresent()) {
                        return events.deny(source, client.clientId, organizationId, denied.get());
                    }
                    Set<String> scopes = holdable(requested, facts.subjectScopes());
                    OrgClient.User subject = facts.subject().orElseThrow();
                    if (!source.impersonated()) {
                        return issue(client, source, target, subject, scopes, ceiling);
                    }
                    // DESIGN §4: the policy decides the organization impersonation (denial recorded by decisions)
                    return decisions.decide(OrgSwitchEvents.attempt(source, client.clientId, organizationId), scopes,
                            source.act().act() != null, true)
                            .onFailure(OrganizationSwitchGrant::accessDenied)
                            .transform(refusal -> OrgSwitchEvents.accessDenied())
                            .flatMap(decision -> issue(client, source, target, subject,
                                    ImpersonationService.finalScopes(scopes, decision.grantedScopes()), ceiling));
                });
            }));
        });
    }

    /** A policy refusal (its event is recorded): answered like every other refused switch. */
    private static boolean accessDenied(Throwable failure) {
        return failure instanceof OAuthException oauth && OAuthErrors.ACCESS_DENIED.equals(oauth.error());
    }

    /**
     * What the new token may not outlive: the input token's expiry and, when impersonated, its session's end. An ended
     * or expired session makes the token invalid (its tokens are revoked with it; this also covers the race).
     */
    private Uni<Instant> ceiling(SwitchSource source) {
        if (!source.impersonated()) {
            return Uni.createFrom().item(source.expiresAt());
        }
        return sessions.find(source.sessionId()).map(found -> {
            ImpersonationSession session = found.filter(candidate -> candidate.live(Instant.now()))
                    .orElseThrow(() -> OAuthException.invalidGrant(INVALID_TOKEN));
            return session.expiresAt.isBefore(source.expiresAt()) ? session.expiresAt : source.expiresAt();
        });
    }

    // ---- checks: the first that fails decides ----

    private static Optional<String> checkOrganization(SwitchSource source, Optional<OrgClient.Organization> organization,
            Client client) {
        if (organization.isEmpty()) {
            return Optional.of(ReasonCodes.ORGANIZATION_NOT_FOUND);
        }
        if (!organizationActive(organization.get())) {
            return Optional.of(ReasonCodes.ORGANIZATION_INACTIVE);
        }
        if (!descendantOfTokenOrganization(source, organization.get())) {
            return Optional.of(ReasonCodes.ORGANIZATION_NOT_DESCENDANT);
        }
        if (!client.sharedWith(organization.get().id())) {
            return Optional.of(ReasonCodes.CLIENT_NOT_SHARED);
        }
        return Optional.empty();
    }

    private static Optional<String> checkPeople(SwitchSource source, OrgClient.Organization organization,
            SwitchFacts facts) {
        if (facts.subject().isEmpty() || !facts.subject().get().active()) {
            return Optional.of(ReasonCodes.SUBJECT_INACTIVE);
        }
        if (!memberOf(facts.memberships(), organization)) {
            return Optional.of(ReasonCodes.NOT_A_MEMBER);
        }
        if (!source.impersonated()) {
            return Optional.empty();
        }
        if (facts.actor().isEmpty() || !facts.actor().get().active()) {
            return Optional.of(ReasonCodes.ACTOR_INACTIVE);
        }
        if (!sameResidence(facts.actor().get(), facts.subject().get())) {
            return Optional.of(ReasonCodes.ORGANIZATION_MISMATCH);
        }
        if (!facts.actorScopes().contains(ORG_IMPERSONATION)) {
            return Optional.of(ReasonCodes.MISSING_PERMISSION);
        }
        return Optional.empty();
    }

    /** WSO2 [W8]: the organization to switch into is active. */
    private static boolean organizationActive(OrgClient.Organization organization) {
        return OrgClient.ACTIVE.equals(organization.status());
    }

    /** WSO2 [W8] / DESIGN §3: the switch goes down the tree, below the organization the token is for. */
    private static boolean descendantOfTokenOrganization(SwitchSource source, OrgClient.Organization organization) {
        List<String> ancestors = organization.ancestorIds();
        return ancestors != null && ancestors.contains(source.organizationId());
    }

    /** WSO2 [W2]: the subject is a member of the organization, resident or invited. */
    private static boolean memberOf(List<OrgClient.Membership> memberships, OrgClient.Organization organization) {
        return memberships.stream().anyMatch(membership -> organization.id().equals(membership.organizationId()));
    }

    /**
     * DESIGN §4: actor and subject are resident in the same organization — an invited parent-organization user and an
     * organization's own user cannot impersonate each other, either way. policy-service's guard says the same; checking
     * it here too keeps a token minted before a membership change from crossing the line.
     */
    private static boolean sameResidence(OrgClient.User actor, OrgClient.User subject) {
        return actor.organizationId() != null && actor.organizationId().equals(subject.organizationId());
    }

    // ---- what the switch needs to know ----

    /**
     * One call after the other (they are short): concurrent calls could renew the service token concurrently in one
     * database session.
     */
    private Uni<SwitchFacts> facts(SwitchSource source, Client client, OrgClient.Organization organization) {
        Uni<Optional<OrgClient.User>> actor = source.impersonated() ? org.user(source.actorId())
                : Uni.createFrom().item(Optional.empty());
        return org.user(source.subject())
                .flatMap(subject -> org.memberships(source.subject())
                        .flatMap(memberships -> policy.effectiveScopes(source.subject(), client.clientId, organization.id())
                                .flatMap(subjectScopes -> actor.flatMap(found -> actorScopes(found, client)
                                        .map(actorScopes -> new SwitchFacts(subject, memberships, subjectScopes, found,
                                                actorScopes))))));
    }

    /** What the actor holds for the client in their resident organization, where the Impersonator role is assigned. */
    private Uni<Set<String>> actorScopes(Optional<OrgClient.User> actor, Client client) {
        return actor.isEmpty() ? Uni.createFrom().item(Set.of())
                : policy.effectiveScopes(actor.get().id(), client.clientId, actor.get().organizationId());
    }

    /** requested ∩ (OIDC scopes ∪ what the subject holds for the client in the switched organization). */
    private static Set<String> holdable(Set<String> requested, Set<String> held) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (Scopes.OIDC.contains(scope) || held.contains(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    // ---- the new token ----

    /** Signs the switched token and announces it in one transaction. */
    @WithTransaction
    Uni<TokenResponse> issue(Client client, SwitchSource source, OrgClient.Organization organization,
            OrgClient.User subject, Set<String> scopes, Instant ceiling) {
        Duration lifetime = lifetime(client, source, ceiling);
        UserClaims claims = new UserClaims(subject.id(), subject.username(), subject.email(), subject.displayName(),
                subject.organizationId(), organization.id(), organization.name());
        TokenSpec spec = TokenSpec.forUser(client.clientId, claims, scopes, lifetime, source.familyId(), null, null);
        if (source.impersonated()) {
            spec = spec.impersonated(source.act(), source.imp(), lifetime);
        }
        return issuer.accessToken(spec)
                .call(signed -> events.switched(source, client.clientId, organization, scopes, signed))
                .map(signed -> new TokenResponse(signed.jwt(), TokenResponse.BEARER, lifetime.toSeconds(), null,
                        Scopes.format(scopes), null, null));
    }

    /**
     * The client's access (or impersonated) token lifetime, cut at the ceiling: the input token's expiry and its
     * session's end.
     */
    private static Duration lifetime(Client client, SwitchSource source, Instant ceiling) {
        Duration configured = Duration.ofSeconds(source.impersonated() ? client.impersonationTokenLifetime
                : client.accessTokenLifetime);
        Duration left = Duration.between(Instant.now(), ceiling).withNanos(0);
        Duration lifetime = configured.compareTo(left) < 0 ? configured : left;
        return lifetime.isNegative() || lifetime.isZero() ? Duration.ofSeconds(1) : lifetime;
    }
}
