package io.actas.token.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The organization tree of issue 8 in the stubbed org-service and policy-service: root → department → team, a sibling
 * branch, a disabled organization, a user invited from root into the department and the team, organization
 * impersonators on both sides, and permissions that differ per organization.
 */
public final class OrgTree {

    public static final Org ROOT = new Org(Directory.ROOT, "Root organization", null, "active");
    public static final Org DEPT = new Org("o-dept", "Department", ROOT.id(), "active");
    public static final Org TEAM = new Org(Directory.TEAM, "Team", DEPT.id(), "active");
    /** A child of the root beside the department: Ivy is no member there. */
    public static final Org OTHER = new Org("o-other", "Other branch", ROOT.id(), "active");
    /** A disabled child of the department. */
    public static final Org CLOSED = new Org("o-closed", "Closed team", DEPT.id(), "disabled");

    private static final List<Org> ORGANIZATIONS = List.of(ROOT, DEPT, TEAM, OTHER, CLOSED);

    /** Resident in the root organization, invited into the department, the team and the closed team. */
    public static final Directory.User IVY = new Directory.User("u-ivy", "ivy", "ivy-password", "ivy@example.org",
            "Ivy Invited", ROOT.id(), "active", List.of("orgs:read"));
    /** A root support engineer holding the Impersonator role (impersonation and org_impersonation). */
    public static final Directory.User OLGA = new Directory.User("u-olga", "olga", "olga-password", "olga@example.org",
            "Olga Orgs", ROOT.id(), "active",
            List.of("impersonation", "org_impersonation", "orgs:read", "tickets:read", "tickets:write"));
    /** A root support engineer who may impersonate in the root organization only (no org_impersonation). */
    public static final Directory.User NED = new Directory.User("u-ned", "ned", "ned-password", "ned@example.org",
            "Ned Nested", ROOT.id(), "active", List.of("impersonation", "orgs:read", "tickets:read", "tickets:write"));
    /** The team's own user. */
    public static final Directory.User TOM = new Directory.User("u-tom", "tom", "tom-password", "tom@example.org",
            "Tom Team", TEAM.id(), "active", List.of("tickets:read"));
    /** The team's own administrator, holding the team's Impersonator role. */
    public static final Directory.User TINA = new Directory.User("u-tina", "tina", "tina-password", "tina@example.org",
            "Tina Team-Admin", TEAM.id(), "active", List.of("impersonation", "org_impersonation", "tickets:read"));

    static final List<Directory.User> USERS = List.of(IVY, OLGA, NED, TOM, TINA);

    /** Invitations (memberships of type invited). */
    private static final Map<String, List<String>> INVITED = Map.of(IVY.id(), List.of(DEPT.id(), TEAM.id(), CLOSED.id()));

    /** What a user holds in an organization other than their resident one (none when absent). */
    private static final Map<String, Map<String, List<String>>> HELD_ELSEWHERE = Map.of(
            IVY.id(), Map.of(DEPT.id(), List.of("orgs:read"), TEAM.id(), List.of("tickets:read", "tickets:write")),
            OLGA.id(), Map.of(TEAM.id(), List.of("tickets:read", "tickets:write")));

    private OrgTree() {
    }

    /** The scopes a user of the stubbed directory holds in an organization: their permissions there. */
    static List<String> held(Directory.User user, String organizationId) {
        if (organizationId == null || organizationId.equals(user.organizationId())) {
            return user.permissions();
        }
        return HELD_ELSEWHERE.getOrDefault(user.id(), Map.of()).getOrDefault(organizationId, List.of());
    }

    /**
     * Answers org-service's {@code GET /api/v1/organizations/{id}} and {@code GET /api/v1/users/{id}/memberships}, and
     * policy-service's {@code GET /api/v1/permissions/effective} per organization; false for any other path.
     */
    static boolean answer(HttpServerRequest request, String path) {
        if (path.startsWith("/api/v1/organizations/")) {
            Optional<Org> org = find(path.substring("/api/v1/organizations/".length()));
            reply(request, org.isEmpty() ? 404 : 200, org.map(OrgTree::json).orElse(new JsonObject().put("status", 404)));
            return true;
        }
        if (path.startsWith("/api/v1/users/") && path.endsWith("/memberships")) {
            Directory.User user = Directory
                    .byId(path.substring("/api/v1/users/".length(), path.length() - "/memberships".length()));
            JsonArray memberships = new JsonArray();
            if (user != null) {
                memberships.add(membership(user, user.organizationId(), "resident"));
                INVITED.getOrDefault(user.id(), List.of()).forEach(org -> memberships.add(membership(user, org, "invited")));
            }
            request.response().setStatusCode(user == null ? 404 : 200).putHeader("Content-Type", "application/json")
                    .end(user == null ? new JsonObject().put("status", 404).encode() : memberships.encode());
            return true;
        }
        if (path.equals("/api/v1/permissions/effective")) {
            Directory.User user = Directory.byId(request.getParam("userId"));
            String organizationId = request.getParam("organizationId");
            List<String> scopes = user == null ? List.of() : held(user, organizationId);
            reply(request, 200, new JsonObject().put("userId", request.getParam("userId"))
                    .put("clientId", request.getParam("clientId")).put("organizationId", organizationId)
                    .put("scopes", new JsonArray(scopes)));
            return true;
        }
        return false;
    }

    private static Optional<Org> find(String id) {
        return ORGANIZATIONS.stream().filter(org -> org.id().equals(id)).findFirst();
    }

    private static JsonObject json(Org org) {
        return new JsonObject().put("id", org.id()).put("handle", org.id()).put("name", org.name())
                .put("parentId", org.parentId()).put("status", org.status()).put("ancestorIds", new JsonArray(ancestors(org)));
    }

    /** [root, ..., parent]. */
    private static List<String> ancestors(Org org) {
        if (org.parentId() == null) {
            return List.of();
        }
        Org parent = find(org.parentId()).orElseThrow();
        return Stream.concat(ancestors(parent).stream(), Stream.of(parent.id())).toList();
    }

    private static JsonObject membership(Directory.User user, String organizationId, String type) {
        return new JsonObject().put("organizationId", organizationId).put("userId", user.id()).put("type", type)
                .put("createdAt", "2026-01-01T00:00:00Z");
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** An organization of the stubbed tree. */
    public record Org(String id, String name, String parentId, String status) {
    }
}
