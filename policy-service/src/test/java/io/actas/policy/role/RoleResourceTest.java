package io.actas.policy.role;

import static io.actas.policy.testing.Api.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.actas.events.EventTypes;
import io.actas.events.Topics;
import io.actas.policy.testing.Api;
import io.actas.policy.testing.Directory;
import io.actas.policy.testing.Events;
import io.actas.policy.testing.OrgServiceStub;
import io.actas.policy.testing.RuleBuilder;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(OrgServiceStub.class)
class RoleResourceTest {

    @Test
    void listRolesOfANewOrganizationThenItsImpersonatorRoleExists() {
        String org = org();

        operator().queryParam("organizationId", org).get("/api/v1/roles").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("Impersonator"))
                .body("items[0].audience", equalTo("actas"))
                .body("items[0].permissions", contains("impersonation", "org_impersonation"))
                .body("items[0].builtIn", equalTo(true))
                .body("nextCursor", nullValue());
        // listing again does not create a second one
        operator().queryParam("organizationId", org).get("/api/v1/roles").then().body("items", hasSize(1));
    }

    @Test
    void createRoleThenReadableAndListedBesideTheImpersonatorRole() {
        String org = org();
        String id = operator().body("""
                {"name": "Support agent", "audience": "support-console", "organizationId": "%s",
                 "permissions": ["tickets:write", "tickets:read", "tickets:read"]}""".formatted(org))
                .post("/api/v1/roles").then().statusCode(201)
                .header("Location", containsString("/api/v1/roles/"))
                .body("permissions", contains("tickets:read", "tickets:write"))
                .body("builtIn", equalTo(false))
                .extract().path("id");

        operator().get("/api/v1/roles/" + id).then().statusCode(200).body("name", equalTo("Support agent"))
                .body("organizationId", equalTo(org));
        operator().queryParam("organizationId", org).get("/api/v1/roles").then()
                .body("items.name", containsInAnyOrder("Impersonator", "Support agent"));
    }

    @Test
    void createRoleWhenNameTakenThenConflict() {
        String org = org();
        Api.role(org, "support-console", "Agent", "tickets:read");

        operator().body("""
                {"name": "Agent", "audience": "support-console", "organizationId": "%s", "permissions": []}""".formatted(org))
                .post("/api/v1/roles").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already exists"));
    }

    @Test
    void createRoleWhenInvalidThenProblemListsEveryField() {
        operator().body("""
                {"name": " ", "audience": "support console", "permissions": ["ok", "not ok"]}""")
                .post("/api/v1/roles").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field",
                        containsInAnyOrder("audience", "name", "organizationId", "permissions[1].<list element>"));
    }

    @Test
    void createRoleWhenUnknownPropertyThenBadRequest() {
        operator().body("""
                {"name": "x", "audience": "actas", "organizationId": "o", "permissions": [], "permisions": ["typo"]}""")
                .post("/api/v1/roles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("permisions"));
    }

    @Test
    void rolesWithoutTokenThenUnauthorizedAndWithoutScopeThenForbidden() {
        given().get("/api/v1/roles").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("orgs:read")).get("/api/v1/roles").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("policies:read")).contentType("application/json")
                .body("{}").post("/api/v1/roles").then().statusCode(403);
    }

    @Test
    void updateRoleThenNewPermissionsAndBuiltInRoleKeepsItsName() {
        String org = org();
        String id = Api.role(org, "support-console", "Agent", "tickets:read");

        operator().body("""
                {"name": "Senior agent", "permissions": ["tickets:read", "tickets:close"]}""").put("/api/v1/roles/" + id)
                .then().statusCode(200).body("name", equalTo("Senior agent"))
                .body("permissions", contains("tickets:close", "tickets:read"));

        String impersonator = Api.impersonatorRole(org);
        operator().body("""
                {"name": "Renamed", "permissions": ["impersonation"]}""").put("/api/v1/roles/" + impersonator).then()
                .statusCode(409);
        operator().body("""
                {"name": "Impersonator", "permissions": ["impersonation"]}""").put("/api/v1/roles/" + impersonator).then()
                .statusCode(200).body("permissions", contains("impersonation"));
    }

    @Test
    void deleteImpersonatorRoleThenConflictAndUnknownRoleThenNotFound() {
        operator().delete("/api/v1/roles/" + Api.impersonatorRole(org())).then().statusCode(409)
                .contentType("application/problem+json");
        operator().delete("/api/v1/roles/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deleteRoleNamedByAPolicyThenConflict() {
        String org = org();
        String agents = Api.role(org, "support-console", "Agents", "tickets:read");
        String admins = Api.role(org, "actas", "Admins", "orgs:write");
        Api.policy(RuleBuilder.allow("agents").actorRoles(agents).excludedRoles(admins));

        operator().delete("/api/v1/roles/" + admins).then().statusCode(409).body("detail", containsString("polic"));
        operator().delete("/api/v1/roles/" + agents).then().statusCode(409);
    }

    @Test
    void assignRoleThenListedAndHoldersRolesFilter() {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read");
        String user = Directory.user("alice", org);

        operator().body("{\"userId\": \"" + user + "\"}").post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(201).header("Location", containsString("/assignments/" + user))
                .body("roleId", equalTo(role)).body("userId", equalTo(user));
        operator().body("{\"userId\": \"" + user + "\"}").post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(409);

        operator().get("/api/v1/roles/" + role + "/assignments").then().statusCode(200).body("items.userId",
                contains(user));
        operator().queryParam("userId", user).get("/api/v1/roles").then().body("items.id", contains(role));
    }

    @Test
    void assignRoleWhenUserUnknownOrNotAMemberThenBadRequestAndInvitedMemberAccepted() {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read");
        String outsider = Directory.user("bob", org());
        String invited = Directory.user("carol", "parent-" + org);
        Directory.invite(invited, "parent-" + org, List.of(org));

        operator().body("{\"userId\": \"nobody\"}").post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(400).body("detail", containsString("does not exist"));
        operator().body("{\"userId\": \"" + outsider + "\"}").post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(400).body("detail", containsString("not a member"));
        operator().body("{\"userId\": \"" + invited + "\"}").post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(201);
    }

    @Test
    void assignRoleWhenOrgServiceDownThenServiceUnavailable() {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read");
        String user = Directory.user("dave", org);
        Directory.mode("down");
        try {
            operator().body("{\"userId\": \"" + user + "\"}").post("/api/v1/roles/" + role + "/assignments").then()
                    .statusCode(503).contentType("application/problem+json");
        } finally {
            Directory.mode("up");
        }
        operator().get("/api/v1/roles/" + role + "/assignments").then().body("items", hasSize(0));
    }

    @Test
    void unassignRoleThenRoleAssignmentRemovedOnDirectoryEventsKeyedByUser() throws Exception {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read", "tickets:write");
        String user = Directory.user("erin", org);
        Api.assign(role, user);

        operator().delete("/api/v1/roles/" + role + "/assignments/" + user).then().statusCode(204);
        operator().delete("/api/v1/roles/" + role + "/assignments/" + user).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = Events.await(Topics.DIRECTORY_EVENTS, user, 1);
        assertEquals(1, records.size());
        JsonNode event = Api.JSON.readTree(records.get(0).value());
        assertEquals(EventTypes.ROLE_ASSIGNMENT_REMOVED, event.path("type").asText());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(user, event.path("subject").asText());
        assertEquals(user, event.path("data").path("userId").asText());
        assertEquals(role, event.path("data").path("roleId").asText());
        assertEquals("Agent", event.path("data").path("roleName").asText());
        assertEquals(org, event.path("data").path("organizationId").asText());
        assertEquals("[\"tickets:read\",\"tickets:write\"]", event.path("data").path("permissions").toString());
        operator().get("/api/v1/roles/" + role + "/assignments").then().body("items", hasSize(0));
    }

    @Test
    void deleteRoleWithAssignmentsThenOneEventPerHolder() {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read");
        String first = Directory.user("frank", org);
        String second = Directory.user("grace", org);
        Api.assign(role, first);
        Api.assign(role, second);

        operator().delete("/api/v1/roles/" + role).then().statusCode(204);

        operator().get("/api/v1/roles/" + role).then().statusCode(404);
        assertEquals(1, Events.await(Topics.DIRECTORY_EVENTS, first, 1).size());
        assertEquals(1, Events.await(Topics.DIRECTORY_EVENTS, second, 1).size());
    }

    @Test
    void createRoleThenResourceCreatedOnAuditEvents() throws Exception {
        String org = org();
        String admin = "admin-" + UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.token().subject(admin).scopes("policies:write")
                .impersonatedBy("root-actor", "sid-1").bearer()).contentType("application/json")
                .body(Api.json(new RoleRequest("Audited", null, "actas", org, List.of("x"))))
                .post("/api/v1/roles").then().statusCode(201).extract().path("id");

        JsonNode event = Api.JSON.readTree(Events.await(Topics.AUDIT_EVENTS, admin, 1).get(0).value());
        assertEquals(EventTypes.RESOURCE_CREATED, event.path("type").asText());
        assertEquals("policy-service", event.path("data").path("service").asText());
        assertEquals("roles", event.path("data").path("resourceType").asText());
        assertEquals(id, event.path("data").path("resourceId").asText());
        assertEquals("root-actor", event.path("data").path("act").path("sub").asText());
        assertEquals("sid-1", event.path("data").path("sessionId").asText());
    }

    @Test
    void unassignWhenNotAssignedThenNotFoundAndNothingAnnounced() {
        String org = org();
        String role = Api.role(org, "support-console", "Agent", "tickets:read");
        String user = Directory.user("heidi", org);

        operator().delete("/api/v1/roles/" + role + "/assignments/" + user).then().statusCode(404);

        assertEquals(List.of(), Events.within(Topics.DIRECTORY_EVENTS, user, Duration.ofSeconds(3)));
    }

    @Test
    void listRolesWithBadPagingThenBadRequest() {
        operator().queryParam("limit", 0).get("/api/v1/roles").then().statusCode(400);
        operator().queryParam("cursor", "%%%").get("/api/v1/roles").then().statusCode(400);
    }

    @Test
    void listRolesPagesWithCursor() {
        String org = org();
        for (int i = 0; i < 3; i++) {
            Api.role(org, "c", "role-" + i);
        }
        String cursor = operator().queryParam("organizationId", org).queryParam("limit", 3).get("/api/v1/roles").then()
                .body("items", hasSize(3)).extract().path("nextCursor");
        operator().queryParam("organizationId", org).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/roles").then().body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items.name", hasItem("role-2"));
    }

    static String org() {
        return "org-" + UUID.randomUUID();
    }
}
