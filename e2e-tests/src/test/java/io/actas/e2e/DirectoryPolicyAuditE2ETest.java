package io.actas.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * An operator builds an organization, its users, roles and an impersonation rule through the APIs of the packaged
 * services; policy-service decides by asking the real org-service (with a client_credentials token from the real
 * token-service), and audit-service stores the changes it read from Kafka.
 */
class DirectoryPolicyAuditE2ETest {

    static final String CLIENT = "e2e-support-console";
    static String admin;
    static String orgId;
    static String agentId;
    static String customerId;
    static String agentRole;
    static String customerRole;

    @BeforeAll
    static void buildOrganizationUsersRolesAndRule() {
        admin = Suite.adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rootId = as(Suite.ORG).get("/api/v1/organizations?handle=root").then().statusCode(200).extract()
                .path("items[0].id");
        orgId = as(Suite.ORG).body(Map.of("handle", "e2e-" + suffix, "name", "E2E " + suffix, "parentId", rootId))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        agentId = createUser("agent-" + suffix, "Agent " + suffix);
        customerId = createUser("customer-" + suffix, "Customer " + suffix);
        agentRole = createRole("Support agent", List.of("impersonation", "openid", "tickets:read", "tickets:write"));
        customerRole = createRole("Customer", List.of("openid", "tickets:read"));
        assign(agentRole, agentId);
        assign(customerRole, customerId);
        as(Suite.POLICY).body(Map.of("name", "e2e agents act as customers " + suffix, "priority", 10, "effect", "allow",
                "actors", Map.of("roles", List.of(agentRole)), "subjects", Map.of("roles", List.of(customerRole)),
                "clients", List.of(CLIENT), "organizations", List.of(orgId),
                "grants", Map.of("maxSessionSeconds", 900, "reasonRequired", true, "refreshAllowed", false)))
                .post("/api/v1/impersonation-policies").then().statusCode(201);
    }

    @Test
    void decisionAllowsAgentActingAsCustomerWithReasonAndGrantsTheCustomersScopes() {
        JsonPath decision = decide(agentId, customerId, "ticket 4711");
        assertEquals("allow", decision.getString("decision"));
        assertEquals(List.of("openid", "tickets:read"), decision.getList("grantedScopes", String.class).stream().sorted()
                .toList());
        assertEquals(900, decision.getInt("maxSessionSeconds"));
    }

    @Test
    void decisionDeniesWithoutReasonSelfAndReverseDirection() {
        assertEquals("reason_required", decide(agentId, customerId, null).getString("reasonCode"));
        assertEquals("self_impersonation", decide(agentId, agentId, "x").getString("reasonCode"));
        JsonPath reverse = decide(customerId, agentId, "x");
        assertEquals("deny", reverse.getString("decision"));
    }

    @Test
    void disablingTheCustomerInOrgServiceMakesPolicyServiceDenyAndAnnouncesTheStatusChange() {
        String victim = createUser("disabled-" + UUID.randomUUID().toString().substring(0, 8), "Soon Disabled");
        assign(customerRole, victim);
        assertEquals("allow", decide(agentId, victim, "ticket 1").getString("decision"));

        as(Suite.ORG).body(Map.of("status", "disabled")).patch("/api/v1/users/" + victim).then().statusCode(200)
                .body("status", equalTo("disabled"));

        assertEquals("subject_inactive", decide(agentId, victim, "ticket 1").getString("reasonCode"));
        List<Map<String, Object>> events = Topics.read("directory.events", victim, Duration.ofSeconds(20), 1);
        assertEquals("io.actas.directory.user.status.changed", events.get(0).get("type"));
    }

    @Test
    void auditServiceStoresTheOrganizationCreatedThroughOrgService() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> as(Suite.AUDIT)
                .get("/api/v1/audit-events?type=io.actas.resource.created&limit=500").then().statusCode(200)
                .body("items.findAll { it.event.data.resourceType == 'organizations' }.event.data.resourceId",
                        hasItem(orgId)));
    }

    static JsonPath decide(String actor, String subject, String reason) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("actorId", actor, "subjectId", subject, "clientId",
                CLIENT, "organizationId", orgId, "requestedScopes", List.of("openid", "tickets:read"), "actorTokenHasAct",
                false));
        if (reason != null) {
            request.put("reason", reason);
        }
        return as(Suite.POLICY).body(request).post("/api/v1/decisions/impersonation").then().statusCode(200).extract()
                .jsonPath();
    }

    static String createUser(String username, String displayName) {
        return as(Suite.ORG).body(Map.of("username", username, "email", username + "@e2e.example", "displayName",
                displayName, "organizationId", orgId, "password", "e2e-password-1")).post("/api/v1/users").then()
                .statusCode(201).extract().path("id");
    }

    static String createRole(String name, List<String> permissions) {
        return as(Suite.POLICY).body(Map.of("name", name, "audience", CLIENT, "organizationId", orgId, "permissions",
                permissions)).post("/api/v1/roles").then().statusCode(201).extract().path("id");
    }

    static void assign(String role, String user) {
        as(Suite.POLICY).body(Map.of("userId", user)).post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(201)).or(equalTo(204)).or(equalTo(200)));
    }

    static RequestSpecification as(String baseUri) {
        return given().baseUri(baseUri).auth().oauth2(admin).contentType(ContentType.JSON);
    }
}
