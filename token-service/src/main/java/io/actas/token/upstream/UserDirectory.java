package io.actas.token.upstream;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.Scopes;
import io.smallrye.mutiny.Uni;

/** What a user token needs from org-service and policy-service: the user's claims and the scopes they may hold. */
@ApplicationScoped
public class UserDirectory {

    private final OrgClient org;
    private final PolicyClient policy;

    public UserDirectory(OrgClient org, PolicyClient policy) {
        this.org = org;
        this.policy = policy;
    }

    /** The claims of an active user in their resident organization; empty when unknown or not active. */
    public Uni<Optional<UserClaims>> activeUser(String userId) {
        return org.user(userId).flatMap(user -> {
            if (user.isEmpty() || !user.get().active()) {
                return Uni.createFrom().item(Optional.<UserClaims> empty());
            }
            OrgClient.User found = user.get();
            return org.organization(found.organizationId()).map(organization -> Optional.of(new UserClaims(found.id(),
                    found.username(), found.email(), found.displayName(), found.organizationId(),
                    found.organizationId(), organization.map(OrgClient.Organization::name).orElse(null))));
        });
    }

    /**
     * The scopes of a normal (not impersonated) user token: requested ∩ (OIDC scopes ∪ what policy-service says the user
     * holds for the client in the organization). The caller has already intersected with the client's scopes.
     */
    public Uni<Set<String>> grantableScopes(UserClaims user, String clientId, Set<String> requested) {
        return policy.effectiveScopes(user.userId(), clientId, user.organizationId()).map(effective -> {
            Set<String> granted = new LinkedHashSet<>();
            for (String scope : requested) {
                if (Scopes.OIDC.contains(scope) || effective.contains(scope)) {
                    granted.add(scope);
                }
            }
            return granted;
        });
    }
}
