package io.actas.policy.testing;

import static io.restassured.RestAssured.given;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.actas.policy.decision.DecisionRequest;
import io.actas.policy.role.RoleRequest;
import io.actas.support.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Drives policy-service through its public API, as an operator (policies:read + policies:write) would. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Api() {
    }

    public static RequestSpecification operator() {
        return given().header("Authorization", TestTokens.bearer("policies:read", "policies:write"))
                .contentType("application/json");
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Creates a role; returns its id. */
    public static String role(String organizationId, String audience, String name, String... permissions) {
        return operator().body(json(new RoleRequest(name, null, audience, organizationId,
                List.of(permissions))))
                .post("/api/v1/roles").then().statusCode(201).extract().path("id");
    }

    /** The organization's built-in Impersonator role (listing the organization's roles brings it into being). */
    public static String impersonatorRole(String organizationId) {
        List<String> ids = operator().queryParam("organizationId", organizationId).get("/api/v1/roles").then()
                .statusCode(200).extract().path("items.findAll { it.builtIn }.id");
        return ids.get(0);
    }

    public static void assign(String roleId, String userId) {
        operator().body("{\"userId\": \"" + userId + "\"}").post("/api/v1/roles/" + roleId + "/assignments").then()
                .statusCode(201);
    }

    /** Creates a rule; returns its id. */
    public static String policy(RuleBuilder rule) {
        return operator().body(json(rule.request())).post("/api/v1/impersonation-policies").then().statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse decide(DecisionRequest request) {
        return given().header("Authorization", TestTokens.bearer("policies:read")).contentType("application/json")
                .body(json(request)).post("/api/v1/decisions/impersonation").then();
    }

    public static ValidatableResponse explain(DecisionRequest request) {
        return given().header("Authorization", TestTokens.bearer("policies:read")).contentType("application/json")
                .queryParam("explain", true).body(json(request)).post("/api/v1/decisions/impersonation").then();
    }
}
