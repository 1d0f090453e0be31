package io.actas.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;

import io.restassured.http.ContentType;

/**
 * The whole impersonation across the packaged services: a support agent logs in, exchanges their token for one acting as
 * a customer (RFC 8693, with Nimbus), and the suite records it everywhere a user looks — the token, the session list,
 * the topic, the audit store, the customer's mailbox — and ending the session turns the token inactive.
 */
class ImpersonationE2ETest {

    static final TokenTypeURI USER_ID = tokenType("urn:actas:params:oauth:token-type:user_id");
    static final String PASSWORD = "e2e-imp-password";
    static String admin;
    static String orgId;
    static String agentId;
    static String agentName;
    static String customerId;
    static String customerEmail;
    static ClientID clientId;
    static Secret clientSecret;

    @BeforeAll
    static void organizationRulesAndClient() {
        admin = Suite.adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rootId = as(Suite.ORG).get("/api/v1/organizations?handle=root").then().statusCode(200).extract()
                .path("items[0].id");
        orgId = as(Suite.ORG).body(Map.of("handle", "imp-" + suffix, "name", "Imp " + suffix, "parentId", rootId))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        agentName = "agent-" + suffix;
        agentId = user(agentName);
        String customerName = "customer-" + suffix;
        customerEmail = customerName + "@e2e.example";
        customerId = user(customerName);
        clientId = new ClientID("e2e-console-" + suffix);
        String agentRole = role("Support agent", List.of("impersonation", "openid", "tickets:read", "tickets:write"));
        String customerRole = role("Customer", List.of("openid", "tickets:read"));
        assign(agentRole, agentId);
        assign(customerRole, customerId);
        as(Suite.POLICY).body(Map.of("name", "agents act as customers " + suffix, "effect", "allow", "actors",
                Map.of("roles", List.of(agentRole)), "subjects", Map.of("roles", List.of(customerRole)), "clients",
                List.of(clientId.getValue()), "organizations", List.of(orgId), "grants",
                Map.of("maxSessionSeconds", 900, "reasonRequired", true))).post("/api/v1/impersonation-policies").then()
                .statusCode(201);
        clientSecret = new Secret(as(Suite.TOKEN).body(Map.of("clientId", clientId.getValue(), "name", "E2E console",
                "type", "confidential", "redirectUris", List.of(LoginE2ETest.REDIRECT.toString()), "grantTypes",
                List.of("authorization_code", "urn:ietf:params:oauth:grant-type:token-exchange"), "scopes",
                List.of("openid", "profile", "impersonation", "tickets:read", "tickets:write"), "impersonationEnabled", true,
                "sharing", Map.of("allOrganizations", false, "organizationIds", List.of(orgId))))
                .post("/api/v1/clients").then().statusCode(201).extract().<String> path("clientSecret"));
    }

    @Test
    void agentActsAsCustomerAndEveryPartOfTheSuiteShowsIt() throws Exception {
        String agentToken = login(agentName);

        TokenResponse exchanged = exchange(agentToken, "Ticket 4711");
        assertTrue(exchanged.indicatesSuccess(), () -> exchanged.toErrorResponse().getErrorObject().toJSONObject().toString());
        AccessTokenResponse success = exchanged.toSuccessResponse();
        assertEquals(TokenTypeURI.ACCESS_TOKEN, success.getTokens().getAccessToken().getIssuedTokenType());
        String impersonated = success.getTokens().getAccessToken().getValue();

        JWTClaimsSet claims = LoginE2ETest.resourceServerValidates(impersonated);
        assertEquals(customerId, claims.getSubject());
        assertEquals(agentId, claims.getJSONObjectClaim("act").get("sub"));
        assertEquals(Suite.ISSUER, claims.getJSONObjectClaim("act").get("iss"));
        Map<String, Object> imp = claims.getJSONObjectClaim("imp");
        String sessionId = (String) imp.get("sid");
        assertNotNull(sessionId);
        assertEquals("Ticket 4711", imp.get("reason"));
        assertEquals(orgId, claims.getStringClaim("org_id"));
        assertFalse(claims.getStringClaim("scope").contains("tickets:write"), "never more than the customer holds");

        as(Suite.TOKEN).get("/api/v1/impersonation-sessions?subjectId=" + customerId).then().statusCode(200)
                .body("items.id", hasItem(sessionId));

        List<Map<String, Object>> events = Topics.read("impersonation.events", customerId, Duration.ofSeconds(30),
                seen -> hasType(seen, "io.actas.impersonation.session.started")
                        && hasType(seen, "io.actas.impersonation.token.issued"));
        Map<String, Object> started = events.stream()
                .filter(e -> "io.actas.impersonation.session.started".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals(sessionId, ((Map<?, ?>) started.get("data")).get("sessionId"));
        assertEquals(agentId, ((Map<?, ?>) started.get("data")).get("actorId"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as(Suite.AUDIT)
                        .get("/api/v1/audit-events?subject=" + customerId + "&type=io.actas.impersonation.session.started")
                        .then().statusCode(200).body("items[0].actorId", equalTo(agentId))
                        .body("items[0].clientId", equalTo(clientId.getValue())));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().baseUri(Suite.MAILBOX).get("/api/user/" + customerEmail + "/messages/").then()
                        .statusCode(200).body("size()", equalTo(1)));

        as(Suite.TOKEN).delete("/api/v1/impersonation-sessions/" + sessionId).then().statusCode(200);
        TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                Suite.metadata().getIntrospectionEndpointURI(), new ClientSecretBasic(clientId, clientSecret),
                new BearerAccessToken(impersonated)).toHTTPRequest().send());
        assertFalse(introspection.toSuccessResponse().isActive(), "an ended session's token must be inactive");
    }

    @Test
    void exchangeWithoutTheReasonThePolicyRequiresIsDeniedVaguelyAndAuditedPrecisely() throws Exception {
        TokenResponse refused = exchange(login(agentName), null);
        assertFalse(refused.indicatesSuccess());
        ErrorObject error = refused.toErrorResponse().getErrorObject();
        assertEquals("access_denied", error.getCode());
        Topics.read("impersonation.events", customerId, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(e -> "io.actas.impersonation.denied".equals(e.get("type"))
                        && "reason_required".equals(((Map<?, ?>) e.get("data")).get("reasonCode"))));
    }

    static boolean hasType(List<Map<String, Object>> events, String type) {
        return events.stream().anyMatch(e -> type.equals(e.get("type")));
    }

    static TokenResponse exchange(String actorToken, String reason) throws Exception {
        TokenExchangeGrant grant = new TokenExchangeGrant(new TypelessAccessToken(customerId), USER_ID,
                new BearerAccessToken(actorToken), TokenTypeURI.ACCESS_TOKEN, null, null);
        TokenRequest.Builder request = new TokenRequest.Builder(Suite.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(clientId, clientSecret), grant).scope(Scope.parse("openid tickets:read"));
        if (reason != null) {
            request.customParameter("reason", reason);
        }
        return TokenResponse.parse(request.build().toHTTPRequest().send());
    }

    static String login(String username) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest authorize = new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse("openid impersonation tickets:read"), clientId, LoginE2ETest.REDIRECT).state(new State())
                .nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(Suite.metadata().getAuthorizationEndpointURI()).build();
        AuthorizationResponse response = AuthorizationResponse
                .parse(LoginE2ETest.submitLoginForm(authorize.toURI(), username, PASSWORD));
        TokenResponse tokens = TokenResponse.parse(new TokenRequest(Suite.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(clientId, clientSecret), new AuthorizationCodeGrant(
                        response.toSuccessResponse().getAuthorizationCode(), LoginE2ETest.REDIRECT, verifier))
                .toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        return tokens.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    static String user(String username) {
        return as(Suite.ORG).body(Map.of("username", username, "email", username + "@e2e.example", "displayName",
                "Display " + username, "organizationId", orgId, "password", PASSWORD)).post("/api/v1/users").then()
                .statusCode(201).extract().path("id");
    }

    static String role(String name, List<String> permissions) {
        return as(Suite.POLICY).body(Map.of("name", name, "audience", clientId.getValue(), "organizationId", orgId,
                "permissions", permissions)).post("/api/v1/roles").then().statusCode(201).extract().path("id");
    }

    static void assign(String role, String user) {
        as(Suite.POLICY).body(Map.of("userId", user)).post("/api/v1/roles/" + role + "/assignments").then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    static io.restassured.specification.RequestSpecification as(String baseUri) {
        return given().baseUri(baseUri).auth().oauth2(admin).contentType(ContentType.JSON);
    }

    private static TokenTypeURI tokenType(String urn) {
        try {
            return TokenTypeURI.parse(urn);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
