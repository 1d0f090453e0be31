package io.actas.token.testing;

import java.util.List;
import java.util.stream.Stream;

/** The users the stubbed org-service and policy-service know; the organization tree is {@link OrgTree}. */
public final class Directory {

    public static final String ROOT = "o-root";
    public static final String TEAM = "o-team";

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

    /** A support engineer: holds impersonation (issue 5), so may act as users of the root organization. */
    public static final User SAM = new User("u-sam", "sam", "sam-password", "sam@example.org", "Sam Support", ROOT,
            "active", List.of("impersonation", "orgs:read", "tickets:read", "tickets:write"));
    /** Another support engineer: Sam may act as her (her permissions are within his). */
    public static final User SUE = new User("u-sue", "sue", "sue-password", "sue@example.org", "Sue Support", ROOT,
            "active", List.of("impersonation", "orgs:read"));
    /** A user whose impersonation the policy allows only with a reason. */
    public static final User RITA = new User("u-rita", "rita", "rita-password", "rita@example.org", "Rita Reason", ROOT,
            "active", List.of("tickets:read"));
    /** An administrator: holds a permission Sam lacks, so impersonating her breaks the privilege ceiling. */
    public static final User ADA = new User("u-ada", "ada", "ada-password", "ada@example.org", "Ada Admin", ROOT,
            "active", List.of("orgs:read", "policies:write"));

    /** Subjects whose impersonation the stubbed policy allows only with a reason. */
    static final List<String> REASON_REQUIRED = List.of(RITA.id());

    private static final List<User> USERS = List.of(ALICE, BOB, DORA, CAROL, SAM, SUE, RITA, ADA);

    private Directory() {
    }

    static User byUsername(String username) {
        return Stream.concat(USERS.stream(), OrgTree.USERS.stream()).filter(user -> user.username().equals(username))
                .findFirst().orElse(null);
    }

    static User byId(String id) {
        return Stream.concat(USERS.stream(), OrgTree.USERS.stream()).filter(user -> user.id().equals(id)).findFirst()
                .orElse(null);
    }

    public record User(String id, String username, String password, String email, String displayName,
            String organizationId, String status, List<String> permissions) {
    }
}
