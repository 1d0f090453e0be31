package io.actas.token.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.actas.support.testing.TestTokens;
import io.actas.token.testing.OrgTree;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ClientSharingTest {

    @AfterEach
    void upstreamsBack() {
        Stubs.up();
    }

    @Test
    void newClientIsSharedWithNobodyThenWithAListThenWithEveryOrganization() {
        String clientId = TestClients.confidential().grants("organization_switch").create().clientId();
        sharing(clientId).statusCode(200).body("allOrganizations", equalTo(false))
                .body("organizationIds", equalTo(List.of()));

        share(clientId, Map.of("organizationIds", List.of(OrgTree.DEPT.id(), OrgTree.TEAM.id(), OrgTree.DEPT.id())))
                .statusCode(200).body("organizationIds", equalTo(List.of(OrgTree.DEPT.id(), OrgTree.TEAM.id())));
        sharing(clientId).body("organizationIds", equalTo(List.of(OrgTree.DEPT.id(), OrgTree.TEAM.id())));

        share(clientId, Map.of("allOrganizations", true)).statusCode(200).body("allOrganizations", equalTo(true))
                .body("organizationIds", equalTo(List.of()));
        given().header("Authorization", TestTokens.bearer("clients:read")).get("/api/v1/clients/" + clientId)
                .then().statusCode(200).body("sharing.allOrganizations", equalTo(true));
    }

    @Test
    void shareWithAnUnknownOrganizationThenBadRequestAndNothingChanges() {
        String clientId = TestClients.confidential().grants("organization_switch")
                .with("sharing", Map.of("organizationIds", List.of(OrgTree.TEAM.id()))).create().clientId();

        share(clientId, Map.of("organizationIds", List.of(OrgTree.DEPT.id(), "o-nowhere"))).statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("Organization o-nowhere does not exist"));

        sharing(clientId).body("organizationIds", equalTo(List.of(OrgTree.TEAM.id())));
    }

    @Test
    void registrationWithAnUnknownOrganizationThenBadRequest() {
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:write"))
                .body(TestClients.confidential().grants("organization_switch")
                        .with("sharing", Map.of("organizationIds", List.of("o-nowhere"))).body())
                .post("/api/v1/clients")
                .then().statusCode(400).body("detail", equalTo("Organization o-nowhere does not exist"));
    }

    @Test
    void allAndAListTogetherThenBadRequest() {
        String clientId = TestClients.confidential().grants("organization_switch").create().clientId();

        share(clientId, Map.of("allOrganizations", true, "organizationIds", List.of(OrgTree.TEAM.id()))).statusCode(400)
                .body("detail", equalTo("Share with all organizations or with a list, not both"));
    }

    @Test
    void orgServiceDownThenServiceUnavailable() {
        String clientId = TestClients.confidential().grants("organization_switch").create().clientId();
        Stubs.down();

        share(clientId, Map.of("organizationIds", List.of(OrgTree.TEAM.id()))).statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void unknownClientThenNotFoundAndSharingNeedsItsScopes() {
        share("no-such-client", Map.of("allOrganizations", true)).statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:read"))
                .body(Map.of("allOrganizations", true)).put("/api/v1/clients/no-such-client/sharing")
                .then().statusCode(403);
        given().get("/api/v1/clients/no-such-client/sharing").then().statusCode(401);
    }

    private static ValidatableResponse share(String clientId, Map<String, Object> sharing) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:write"))
                .body(sharing).put("/api/v1/clients/" + clientId + "/sharing").then();
    }

    private static ValidatableResponse sharing(String clientId) {
        return given().header("Authorization", TestTokens.bearer("clients:read"))
                .get("/api/v1/clients/" + clientId + "/sharing").then();
    }
}
