package io.actas.token.upstream;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.mutiny.Uni;

/** org-service: credential checks, users and organizations; fails closed ({@link UpstreamCalls}). */
@ApplicationScoped
public class OrgClient {

    static final String SERVICE = "org-service";
    public static final String ACTIVE = "active";

    private final OrgRestClient rest;
    private final UpstreamCalls calls;

    public OrgClient(@RestClient OrgRestClient rest, UpstreamCalls calls) {
        this.rest = rest;
        this.calls = calls;
    }

    /** The user id when the credentials are valid (org-service answers alike for unknown and wrong). */
    public Uni<Optional<String>> verify(String username, String password) {
        return calls.call(SERVICE, authorization -> rest.verify(authorization, new Credentials(username, password)))
                .map(answer -> answer.filter(Verification::valid).map(Verification::userId));
    }

    public Uni<Optional<User>> user(String id) {
        return calls.call(SERVICE, authorization -> rest.user(authorization, id));
    }

    /** The user with this username in the organization, if any. */
    public Uni<Optional<User>> userByUsername(String organizationId, String username) {
        return calls.call(SERVICE, authorization -> rest.users(authorization, organizationId, username))
                .map(page -> page.flatMap(found -> found.items() == null ? Optional.empty()
                        : found.items().stream().filter(user -> username.equals(user.username())).findFirst()));
    }

    public Uni<Optional<Organization>> organization(String id) {
        return calls.call(SERVICE, authorization -> rest.organization(authorization, id));
    }

    /** The user's memberships (resident and invited); empty for an unknown user. */
    public Uni<List<Membership>> memberships(String userId) {
        return calls.call(SERVICE, authorization -> rest.memberships(authorization, userId))
                .map(answer -> answer.orElse(List.of()));
    }

    public record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(boolean valid, String userId, String organizationId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String username, String email, String displayName, String organizationId,
            String status) {

        public boolean active() {
            return ACTIVE.equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserPage(List<User> items, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(String id, String handle, String name, String parentId, String status,
            List<String> ancestorIds) {
    }

    /** A membership of a user in an organization: {@code resident} (where the user lives) or {@code invited}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Membership(String organizationId, String userId, String type) {
    }
}
