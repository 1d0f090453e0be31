package io.actas.token.introspect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;

import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.CodeFlow;
import io.actas.token.testing.Directory;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class IntrospectionTest {

    @TestHTTPResource
    URL url;

    AuthorizationServer server;
    TestClients.Registered client;
    TestClients.Registered resourceServer;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        client = TestClients.confidential().loginFlow().scopes("openid", "profile", "email", "orgs:read").create();
        resourceServer = TestClients.confidential().grants("client_credentials").create();
    }

    @AfterEach
    void upstreamsBack() {
        Stubs.up();
    }

    @Test
    void activeAccessTokenIsDescribedWithItsClaims() throws Exception {
        Tokens tokens = login("openid profile orgs:read");

        TokenIntrospectionSuccessResponse answer = introspect(resourceServer.basic(), tokens.getAccessToken());

        assertThat(answer.isActive()).isTrue();
        assertThat(answer.getSubject().getValue()).isEqualTo(Directory.ALICE.id());
        assertThat(answer.getClientID()).isEqualTo(client.id());
        assertThat(answer.getScope().toString()).isEqualTo("openid profile orgs:read");
        assertThat(answer.getIssuer()).isEqualTo(server.issuer());
        assertThat(answer.getStringParameter("aut")).isEqualTo("APPLICATION_USER");
        assertThat(answer.getStringParameter("org_id")).isEqualTo(Directory.ROOT);
        assertThat(answer.getExpirationTime()).isNotNull();
    }

    @Test
    void revokedAccessTokenTurnsInactive() throws Exception {
        Tokens tokens = login("openid orgs:read");

        HTTPResponse revoked = new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(), client.post(),
                tokens.getAccessToken()).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect(resourceServer.basic(), tokens.getAccessToken()).isActive()).isFalse();
        assertThat(introspect(resourceServer.basic(), tokens.getRefreshToken()).isActive()).isTrue();
    }

    @Test
    void revokedRefreshTokenTakesItsAccessTokensAlong() throws Exception {
        Tokens tokens = login("openid orgs:read");
        assertThat(introspect(resourceServer.basic(), tokens.getRefreshToken()).isActive()).isTrue();

        new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(), client.basic(),
                tokens.getRefreshToken()).toHTTPRequest().send();

        assertThat(introspect(resourceServer.basic(), tokens.getRefreshToken()).isActive()).isFalse();
        assertThat(introspect(resourceServer.basic(), tokens.getAccessToken()).isActive()).isFalse();
    }

    @Test
    void anotherClientsTokenCannotBeRevokedByIt() throws Exception {
        Tokens tokens = login("openid orgs:read");

        HTTPResponse response = new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(),
                resourceServer.basic(), tokens.getAccessToken()).toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("unauthorized_client");
        assertThat(introspect(resourceServer.basic(), tokens.getAccessToken()).isActive()).isTrue();
    }

    @Test
    void unknownTokensAreInactiveAndRevokingThemIsNoError() throws Exception {
        assertThat(introspect(resourceServer.basic(), new BearerAccessToken("garbage")).isActive()).isFalse();
        assertThat(introspect(resourceServer.basic(), new BearerAccessToken("a.b.c")).isActive()).isFalse();
        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", "garbage")
                .post("/oauth2/revoke").then().statusCode(200);
    }

    @Test
    void introspectionNeedsAConfidentialClient() {
        given().formParam("token", "x").post("/oauth2/introspect").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        TestClients.Registered publicClient = TestClients.publicClient().loginFlow().create();
        given().formParam("token", "x").formParam("client_id", publicClient.clientId()).post("/oauth2/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(client.clientId(), client.secret()).post("/oauth2/introspect")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void userInfoAnswersByScope() throws Exception {
        Tokens tokens = login("openid profile orgs:read");

        UserInfo info = userInfo(tokens.getAccessToken());

        assertThat(info.getSubject().getValue()).isEqualTo(Directory.ALICE.id());
        assertThat(info.getPreferredUsername()).isEqualTo("alice");
        assertThat(info.getName()).isEqualTo("Alice Example");
        assertThat(info.getEmailAddress()).isNull(); // no email scope
        assertThat(info.getStringClaim("org_id")).isEqualTo(Directory.ROOT);
    }

    @Test
    void userInfoRefusesTokensWithoutOpenidAndRevokedOrMissingTokens() throws Exception {
        Tokens withoutOpenid = login("orgs:read");
        HTTPResponse forbidden = new UserInfoRequest(server.metadata().getUserInfoEndpointURI(),
                (BearerAccessToken) withoutOpenid.getAccessToken()).toHTTPRequest().send();
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getHeaderValue("WWW-Authenticate")).contains("insufficient_scope");

        given().get("/oauth2/userinfo").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-a-token").get("/oauth2/userinfo").then().statusCode(401)
                .body("error", equalTo("invalid_token"));

        Tokens tokens = login("openid orgs:read");
        new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(), client.basic(), tokens.getAccessToken())
                .toHTTPRequest().send();
        HTTPResponse revoked = new UserInfoRequest(server.metadata().getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(401);
        assertThat(revoked.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void userInfoWhenOrgServiceIsDownThenTemporarilyUnavailable() {
        Tokens tokens = login("openid orgs:read");

        Stubs.down();

        given().header("Authorization", "Bearer " + tokens.getAccessToken().getValue()).get("/oauth2/userinfo")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void clientCredentialsTokensAreIntrospectable() throws Exception {
        AccessToken token = AuthorizationServer.tokens(server.send(resourceServer.basic(), new ClientCredentialsGrant(),
                null)).getTokens().getAccessToken();

        TokenIntrospectionSuccessResponse answer = introspect(client.basic(), token);

        assertThat(answer.isActive()).isTrue();
        assertThat(answer.getStringParameter("aut")).isEqualTo("APPLICATION");
    }

    private Tokens login(String scope) {
        return new CodeFlow(server, client, scope).tokens(Directory.ALICE.username(), Directory.ALICE.password())
                .getOIDCTokens();
    }

    private TokenIntrospectionSuccessResponse introspect(ClientAuthentication caller, Token token) throws Exception {
        HTTPResponse response = new TokenIntrospectionRequest(server.metadata().getIntrospectionEndpointURI(), caller,
                token).toHTTPRequest().send();
        assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        return TokenIntrospectionResponse.parse(response).toSuccessResponse();
    }

    private UserInfo userInfo(AccessToken token) throws Exception {
        return UserInfoResponse.parse(new UserInfoRequest(server.metadata().getUserInfoEndpointURI(),
                (BearerAccessToken) token).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
    }
}
