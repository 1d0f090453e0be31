package io.actas.policy.permission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.actas.policy.testing.Api;
import io.actas.policy.testing.Directory;
import io.actas.policy.testing.OrgServiceStub;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(OrgServiceStub.class)
class EffectivePermissionsResourceTest {

    @Test
    void effectivePermissionsUnionTheClientsAndTheSuitesRolesOfThatOrganizationOnly() {
        String org = "org-" + UUID.randomUUID();
        String other = "org-" + UUID.randomUUID();
        String user = Directory.user("ivan", org);
        Directory.invite(user, org, List.of(other));
        Api.assign(Api.role(org, "support-console", "Agent", "tickets:read", "tickets:write"), user);
        Api.assign(Api.role(org, "actas", "Auditor", "audit:read"), user);
        Api.assign(Api.role(org, "test-client", "Tester", "test:run"), user);
        Api.assign(Api.role(other, "support-console", "Elsewhere", "billing:write"), user);
        Api.assign(Api.impersonatorRole(org), user);

        given().header("Authorization", TestTokens.bearer("policies:read"))
                .queryParam("userId", user).queryParam("clientId", "support-console").queryParam("organizationId", org)
                .get("/api/v1/permissions/effective").then().statusCode(200)
                .body("userId", equalTo(user))
                .body("clientId", equalTo("support-console"))
                .body("organizationId", equalTo(org))
                .body("scopes", contains("audit:read", "impersonation", "org_impersonation", "tickets:read",
                        "tickets:write"));
        given().header("Authorization", TestTokens.bearer("policies:read"))
                .queryParam("userId", user).queryParam("clientId", "support-console").queryParam("organizationId", other)
                .get("/api/v1/permissions/effective").then().statusCode(200).body("scopes", contains("billing:write"));
    }

    @Test
    void effectivePermissionsOfAnUnknownUserAreEmpty() {
        given().header("Authorization", TestTokens.bearer("policies:read"))
                .queryParam("userId", "nobody").queryParam("clientId", "c").queryParam("organizationId", "o")
                .get("/api/v1/permissions/effective").then().statusCode(200).body("scopes", hasSize(0));
    }

    @Test
    void effectivePermissionsWithoutParametersThenProblemListsThem() {
        given().header("Authorization", TestTokens.bearer("policies:read")).get("/api/v1/permissions/effective").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(3))
                .body("violations.field", containsInAnyOrder("clientId", "organizationId", "userId"));
    }

    @Test
    void effectivePermissionsNeedPoliciesRead() {
        given().queryParam("userId", "u").queryParam("clientId", "c").queryParam("organizationId", "o")
                .get("/api/v1/permissions/effective").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("orgs:read")).queryParam("userId", "u")
                .queryParam("clientId", "c").queryParam("organizationId", "o")
                .get("/api/v1/permissions/effective").then().statusCode(403);
    }
}
