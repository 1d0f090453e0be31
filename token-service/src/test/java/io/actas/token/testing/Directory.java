package io.actas.token.testing;

import java.util.List;
import java.util.Map;

/** The users and organizations the stubbed org-service and policy-service know. */
public final class Directory {

    public static final String ROOT = "o-root";
    public static final String TEAM = "o-team";
    public static final Map<String, String> ORGANIZATIONS = Map.of(ROOT, "Root organization", TEAM, "Team");

    /** Holds orgs:read and sessions:read for every client. */
    public static final User ALICE = new User("u-alice", "alice", "alice-password", "alice@example.org",
            "Alice Example", ROOT, "active", List.of("orgs:read", "sessions:read"));
    /** A member of a child organization without permissions. */
    public static final User BOB = new User("u-bob", "bob", "bob-password", "bob@example.org", "Bob Example", TEAM,
            "active", List.of());
    /** Valid credentials, but disabled. */
    public static final User DORA = new User("u-dora", "dora", "dora-password", "dora@example.org", "Dora Example",
            ROOT, "disabled", List.of("orgs:read"));
    /** Tests may disable Carol ({@code /_stub/users/u-carol/status/disabled}). */
    public static final User CAROL = new User("u-carol", "carol", "carol-password", "carol@example.org",
            "Carol Example", ROOT, "active", List.of("orgs:read"));

    private static final List<User> USERS = List.of(ALICE, BOB, DORA, CAROL);

    private Directory() {
    }

    static User byUsername(String username) {
        return USERS.stream().filter(user -> user.username().equals(username)).findFirst().orElse(null);
    }

    static User byId(String id) {
        return USERS.stream().filter(user -> user.id().equals(id)).findFirst().orElse(null);
    }

    public record User(String id, String username, String password, String email, String displayName,
            String organizationId, String status, List<String> permissions) {
    }
}
