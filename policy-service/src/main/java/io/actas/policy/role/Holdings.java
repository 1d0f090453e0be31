package io.actas.policy.role;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The roles one user holds, across organizations: what both the effective-permissions answer and the impersonation
 * decision are computed from.
 */
public record Holdings(List<HeldRole> roles) {

    public static final Holdings NONE = new Holdings(List.of());

    /** One held role, detached from the database. */
    public record HeldRole(String roleId, String organizationId, String audience, Set<String> permissions) {
    }

    public Set<String> roleIds() {
        return roles.stream().map(HeldRole::roleId).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The user's effective permissions through a client in an organization: the union of the permissions of the roles
     * held in that organization whose audience is the client or the suite itself ({@value Permissions#SUITE_AUDIENCE}), as
     * Keycloak unions realm roles and the client's roles.
     */
    public Set<String> permissions(String clientId, String organizationId) {
        Set<String> scopes = new TreeSet<>();
        for (HeldRole role : roles) {
            if (role.organizationId().equals(organizationId)
                    && (role.audience().equals(clientId) || role.audience().equals(Permissions.SUITE_AUDIENCE))) {
                scopes.addAll(role.permissions());
            }
        }
        return scopes;
    }
}
