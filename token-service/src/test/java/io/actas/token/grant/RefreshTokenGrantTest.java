package io.actas.token.grant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;

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
class RefreshTokenGrantTest {

    @TestHTTPResource
    URL url;

    AuthorizationServer server;
    TestClients.Registered client;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        client = TestClients.confidential().loginFlow().scopes("openid", "profile", "orgs:read").create();
    }

    @AfterEach
    void upstreamsBack() {
        Stubs.up();
        Stubs.userStatus(Directory.CAROL.id(), "active");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheClaims() throws Exception {
        Tokens first = login(Directory.ALICE);

        Tokens second = refresh(first.getRefreshToken(), null);

        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(second.getAccessToken().getScope()).isEqualTo(Scope.parse("openid profile orgs:read"));
        assertThat(server.verifyAccessToken(second.getAccessToken().getValue()).getStringClaim("org_name"))
                .isEqualTo("Root organization");
        assertThat(AuthorizationServer.tokens(refreshResponse(second.getRefreshToken(), null)).getOIDCTokens()
                .getIDToken()).isNotNull();
    }

    @Test
    void reusedRefreshTokenIsRefusedAndRevokesTheWholeFamily() {
        Tokens first = login(Directory.ALICE);
        Tokens second = refresh(first.getRefreshToken(), null);

        HTTPResponse reuse = refreshResponse(first.getRefreshToken(), null);

        assertThat(reuse.getStatusCode()).isEqualTo(400);
        assertThat(AuthorizationServer.error(reuse).getCode()).isEqualTo("invalid_grant");
        // the legitimate holder's newer refresh token and the family's access tokens are gone too
        assertThat(AuthorizationServer.error(refreshResponse(second.getRefreshToken(), null)).getCode())
                .isEqualTo("invalid_grant");
        assertThat(active(second.getAccessToken().getValue())).isFalse();
        assertThat(active(first.getAccessToken().getValue())).isFalse();
    }

    @Test
    void narrowerScopeIsGrantedWiderScopeIsInvalid() {
        Tokens first = login(Directory.ALICE);

        Tokens narrowed = refresh(first.getRefreshToken(), new Scope("orgs:read"));
        assertThat(narrowed.getAccessToken().getScope()).isEqualTo(new Scope("orgs:read"));

        HTTPResponse wider = refreshResponse(narrowed.getRefreshToken(), Scope.parse("orgs:read clients:write"));
        assertThat(AuthorizationServer.error(wider).getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrant() {
        Tokens first = login(Directory.ALICE);
        TestClients.Registered other = TestClients.confidential().loginFlow().scopes("openid").create();

        HTTPResponse response = server.send(other.basic(), new RefreshTokenGrant(first.getRefreshToken()), null);

        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        HTTPResponse response = refreshResponse(new RefreshToken("not-a-refresh-token"), null);

        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void orgServiceDownThenTemporarilyUnavailableAndTheRefreshTokenStillWorksAfterwards() {
        Tokens first = login(Directory.ALICE);

        Stubs.down();
        HTTPResponse response = refreshResponse(first.getRefreshToken(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("temporarily_unavailable");
        Stubs.up();
        assertThat(refresh(first.getRefreshToken(), null).getAccessToken()).isNotNull();
    }

    @Test
    void disabledUserCannotRefresh() {
        Tokens first = login(Directory.CAROL);

        Stubs.userStatus(Directory.CAROL.id(), "disabled");

        assertThat(AuthorizationServer.error(refreshResponse(first.getRefreshToken(), null)).getCode())
                .isEqualTo("invalid_grant");
    }

    private Tokens login(Directory.User user) {
        return new CodeFlow(server, client, "openid profile orgs:read").tokens(user.username(), user.password())
                .getOIDCTokens();
    }

    private Tokens refresh(RefreshToken token, Scope scope) {
        return AuthorizationServer.tokens(refreshResponse(token, scope)).getOIDCTokens();
    }

    private HTTPResponse refreshResponse(RefreshToken token, Scope scope) {
        return server.send(client.basic(), new RefreshTokenGrant(token), scope);
    }

    private boolean active(String token) {
        return given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", token)
                .post("/oauth2/introspect").then().statusCode(200).extract().path("active");
    }
}
