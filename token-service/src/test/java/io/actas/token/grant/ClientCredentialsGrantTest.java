package io.actas.token.grant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ClientCredentialsGrantTest {

    @TestHTTPResource
    URL url;

    AuthorizationServer server;
    TestClients.Registered client;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        client = TestClients.confidential().grants("client_credentials").scopes("orgs:read", "audit:write").create();
    }

    @Test
    void clientSecretBasicIssuesRfc9068AccessToken() throws Exception {
        HTTPResponse response = server.send(client.basic(), new ClientCredentialsGrant(), new Scope("orgs:read"));

        assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        AccessToken token = AuthorizationServer.tokens(response).getTokens().getAccessToken();
        assertThat(token.getScope()).isEqualTo(new Scope("orgs:read"));
        assertThat(token.getLifetime()).isEqualTo(300);
        JWTClaimsSet claims = server.verifyAccessToken(token.getValue());
        assertThat(claims.getSubject()).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("aut")).isEqualTo("APPLICATION");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orgs:read");
        assertThat(claims.getAudience()).containsExactly("actas");
        assertThat(claims.getIssuer()).isEqualTo(server.issuer().getValue());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000);
        assertThat(claims.getClaim("act")).isNull();
    }

    @Test
    void clientSecretPostWithoutScopeGetsEveryRegisteredScope() throws Exception {
        HTTPResponse response = server.send(client.post(), new ClientCredentialsGrant(), null);

        AccessToken token = AuthorizationServer.tokens(response).getTokens().getAccessToken();
        assertThat(server.verifyAccessToken(token.getValue()).getStringClaim("scope")).isEqualTo("orgs:read audit:write");
        assertThat(AuthorizationServer.tokens(response).getTokens().getRefreshToken()).isNull();
    }

    @Test
    void bootstrapAdminClientHoldsEveryAdminScopeAndItsTokenOpensTheAdminApi() throws Exception {
        ClientSecretBasic admin = new ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID("actas-admin"),
                new Secret("admin-test-secret"));
        AccessToken token = AuthorizationServer.tokens(server.send(admin, new ClientCredentialsGrant(), null))
                .getTokens().getAccessToken();

        assertThat(token.getScope().toStringList()).containsExactlyInAnyOrder("orgs:read", "orgs:write",
                "policies:read", "policies:write", "audit:read", "audit:write", "notifications:read",
                "notifications:write", "clients:read", "clients:write", "sessions:read", "sessions:write");
        given().header("Authorization", "Bearer " + token.getValue()).get("/api/v1/clients/" + client.clientId())
                .then().statusCode(200).body("clientId", equalTo(client.clientId()));
    }

    @Test
    void bootstrapServiceClientGetsItsScope() throws Exception {
        ClientSecretBasic policy = new ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID("policy-service"),
                new Secret("policy-test-secret"));

        AccessToken token = AuthorizationServer.tokens(server.send(policy, new ClientCredentialsGrant(), null))
                .getTokens().getAccessToken();

        assertThat(token.getScope()).isEqualTo(new Scope("orgs:read"));
    }

    @Test
    void wrongSecretThenInvalidClient() {
        ClientSecretBasic wrong = new ClientSecretBasic(client.id(), new Secret("not-the-secret"));

        HTTPResponse response = server.send(wrong, new ClientCredentialsGrant(), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("Basic");
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_client");
    }

    @Test
    void unknownClientThenInvalidClient() {
        ClientSecretBasic unknown = new ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID("nobody"),
                new Secret("whatever"));

        HTTPResponse response = server.send(unknown, new ClientCredentialsGrant(), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_client");
    }

    @Test
    void scopeNotRegisteredThenInvalidScope() {
        HTTPResponse response = server.send(client.basic(), new ClientCredentialsGrant(), new Scope("clients:write"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void grantNotRegisteredForClientThenUnauthorizedClient() {
        HTTPResponse response = server.send(client.basic(), new RefreshTokenGrant(new RefreshToken("x")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("unauthorized_client");
    }

    @Test
    void unknownGrantThenUnsupportedGrantType() {
        Response response = form("grant_type=urn:example:magic");

        assertError(response, 400, "unsupported_grant_type");
    }

    @Test
    void missingGrantTypeThenInvalidRequest() {
        assertError(form("scope=orgs:read"), 400, "invalid_request");
    }

    @Test
    void repeatedParameterThenInvalidRequest() {
        assertError(form("grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request");
    }

    @Test
    void brokenPercentEncodingThenInvalidRequest() {
        assertError(form("grant_type=client_credentials&scope=%zz"), 400, "invalid_request");
    }

    @Test
    void jsonBodyThenInvalidRequest() {
        Response response = given().header("Authorization", basic()).contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\"}").post("/oauth2/token");

        assertError(response, 400, "invalid_request");
    }

    @Test
    void emptyBodyThenInvalidRequest() {
        Response response = given().header("Authorization", basic()).post("/oauth2/token");

        assertError(response, 400, "invalid_request");
    }

    @Test
    void twoAuthenticationMethodsThenInvalidRequest() {
        assertError(form("grant_type=client_credentials&client_secret=" + client.secret()), 400, "invalid_request");
    }

    @Test
    void malformedBasicHeaderThenInvalidClient() {
        Response response = given().header("Authorization", "Basic !!!not-base64").contentType(
                "application/x-www-form-urlencoded").body("grant_type=client_credentials").post("/oauth2/token");

        assertError(response, 401, "invalid_client");
    }

    @Test
    void adminApiAcceptsTestTokensAndRefusesForeignOnes() {
        given().header("Authorization", TestTokens.bearer("clients:read")).get("/api/v1/clients")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.token().scopes("clients:read").issuer("https://evil.example").bearer())
                .get("/api/v1/clients").then().statusCode(401);
    }

    private Response form(String body) {
        return given().header("Authorization", basic()).contentType("application/x-www-form-urlencoded")
                .body(body).post("/oauth2/token");
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":" + client.secret()).getBytes());
    }

    static void assertError(Response response, int status, String error) {
        response.then().statusCode(status)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("error", equalTo(error));
        assertThat(response.jsonPath().getString("error_description")).isNotBlank().doesNotContain("Exception");
    }
}
