package io.actas.policy.rule;

import static io.actas.policy.testing.Api.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.actas.policy.testing.Api;
import io.actas.policy.testing.OrgServiceStub;
import io.actas.policy.testing.RuleBuilder;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(OrgServiceStub.class)
class PolicyResourceTest {

    @Test
    void createPolicyThenStoredWithDefaultsAndReadable() {
        String org = "org-" + UUID.randomUUID();
        String agents = Api.role(org, "support-console", "Agents", "tickets:read");

        String id = operator().body(Api.json(RuleBuilder.allow("agents").actorRoles(agents).clients("support-console")
                .usernamePattern("glob:test*").request()))
                .post("/api/v1/impersonation-policies").then().statusCode(201)
                .header("Location", containsString("/api/v1/impersonation-policies/"))
                .body("priority", equalTo(100))
                .body("enabled", equalTo(true))
                .body("effect", equalTo("allow"))
                .body("actors.roles", contains(agents))
                .body("actors.users", equalTo(List.of()))
                .body("subjects.usernamePattern", equalTo("glob:test*"))
                .body("clients", contains("support-console"))
                .body("organizations", equalTo(List.of()))
                .body("grants.reasonRequired", equalTo(false))
                .body("grants.refreshAllowed", equalTo(false))
                .body("grants.chainingAllowed", equalTo(false))
                .body("grants.scopes", nullValue())
                .extract().path("id");

        operator().get("/api/v1/impersonation-policies/" + id).then().statusCode(200).body("name", equalTo("agents"));
    }

    @Test
    void createPolicyWhenInvalidThenOneProblemListsEveryField() {
        operator().body("""
                {"name": "broken", "effect": "permit",
                 "subjects": {"usernamePattern": "regex:([a-z"},
                 "validFrom": "2026-06-01T00:00:00Z", "validUntil": "2026-05-01T00:00:00Z",
                 "grants": {"maxSessionSeconds": 5}}""")
                .post("/api/v1/impersonation-policies").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("effect", "subjects.usernamePattern", "validUntil",
                        "grants.maxSessionSeconds"))
                .body("violations.find { it.field == 'effect' }.message", equalTo("must be allow or deny"))
                .body("violations.find { it.field == 'subjects.usernamePattern' }.message",
                        containsString("not a valid regular expression"));
    }

    @Test
    void createPolicyWhenEmptyThenBadRequest() {
        operator().body("""
                {"name": "matches everything", "effect": "deny"}""")
                .post("/api/v1/impersonation-policies").then().statusCode(400)
                .body("violations.field", contains("actors"))
                .body("violations[0].message", containsString("empty"));
    }

    @Test
    void createAllowPolicyWithoutActorsThenBadRequest() {
        operator().body("""
                {"name": "anyone may", "effect": "allow", "clients": ["test-client"]}""")
                .post("/api/v1/impersonation-policies").then().statusCode(400)
                .body("violations.field", contains("actors"))
                .body("violations[0].message", containsString("must name its actors"));
    }

    @Test
    void createDenyPolicyWithoutActorsThenAccepted() {
        operator().body("""
                {"name": "nobody impersonates the CEO", "effect": "deny", "subjects": {"users": ["ceo"]}}""")
                .post("/api/v1/impersonation-policies").then().statusCode(201);
    }

    @Test
    void createPolicyWhenRoleUnknownThenBadRequest() {
        operator().body(Api.json(RuleBuilder.allow("ghost").actorRoles("no-such-role").request()))
                .post("/api/v1/impersonation-policies").then().statusCode(400)
                .body("detail", containsString("no-such-role"));
    }

    @Test
    void createPolicyWhenMisspeltFieldThenBadRequestNotABroaderRule() {
        operator().body("""
                {"name": "typo", "effect": "allow", "actors": {"users": ["a"]}, "subjects": {"excludeRoles": ["admin"]}}""")
                .post("/api/v1/impersonation-policies").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("excludeRoles"));
    }

    @Test
    void replaceAndDeletePolicy() {
        String id = Api.policy(RuleBuilder.allow("v1").actorUsers("someone"));

        operator().body(Api.json(RuleBuilder.allow("v2").actorUsers("someone").priority(7).validFrom(Instant.parse(
                "2026-01-01T00:00:00Z")).request()))
                .put("/api/v1/impersonation-policies/" + id).then().statusCode(200).body("name", equalTo("v2"))
                .body("priority", equalTo(7)).body("validFrom", equalTo("2026-01-01T00:00:00Z"));
        operator().body(Api.json(RuleBuilder.allow("v3").request())).put("/api/v1/impersonation-policies/" + id).then()
                .statusCode(400);

        operator().delete("/api/v1/impersonation-policies/" + id).then().statusCode(204);
        operator().get("/api/v1/impersonation-policies/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        operator().delete("/api/v1/impersonation-policies/" + id).then().statusCode(404);
    }

    @Test
    void listPoliciesInEvaluationOrder() {
        String late = Api.policy(RuleBuilder.allow("late").actorUsers("x").priority(900_001));
        String early = Api.policy(RuleBuilder.allow("early").actorUsers("x").priority(900_000));

        List<String> ids = operator().queryParam("limit", 200).get("/api/v1/impersonation-policies").then()
                .statusCode(200).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertTrue(ids.indexOf(early) < ids.indexOf(late));
    }

    @Test
    void policiesNeedTheirScopes() {
        given().get("/api/v1/impersonation-policies").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("policies:read")).contentType("application/json")
                .body(Api.json(RuleBuilder.allow("x").actorUsers("x").request()))
                .post("/api/v1/impersonation-policies").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("policies:read")).get("/api/v1/impersonation-policies")
                .then().statusCode(200).body("items.name", not(hasItem("never created")));
    }
}
