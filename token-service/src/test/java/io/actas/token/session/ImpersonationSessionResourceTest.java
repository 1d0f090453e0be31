package io.actas.token.session;

import static io.actas.token.testing.ImpersonationEvents.where;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import io.actas.events.EventTypes;
import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationTestSupport;
import io.actas.token.testing.Logins;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ImpersonationSessionResourceTest extends ImpersonationTestSupport {

    static final String SESSIONS = "/api/v1/impersonation-sessions";

    TestClients.Registered console;
    String samToken;

    @BeforeEach
    void setUp() {
        console = TestClients.supportConsole().grants("refresh_token").create();
        samToken = accessToken(console, Directory.SAM, "openid impersonation orgs:read");
    }

    @Test
    void listFilterPageReadAndEndWithAdminScopes() throws Exception {
        String carol = sid(impersonate(Directory.CAROL));
        String rita = sid(Exchanges.as(server, console).subjectUser(Directory.RITA.id()).actorAccessToken(samToken)
                .reason("ticket").send());

        Map<String, Object> page = given().header("Authorization", TestTokens.bearer("sessions:read"))
                .queryParam("clientId", console.clientId()).queryParam("limit", 1)
                .get(SESSIONS).then().statusCode(200).extract().as(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(item -> item.get("id")).containsExactly(rita);
        Map<String, Object> next = given().header("Authorization", TestTokens.bearer("sessions:read"))
                .queryParam("clientId", console.clientId()).queryParam("limit", 1)
                .queryParam("cursor", page.get("nextCursor")).get(SESSIONS).then().statusCode(200).extract()
                .as(Map.class);
        assertThat((List<Map<String, Object>>) next.get("items")).extracting(item -> item.get("id"))
                .containsExactly(carol);
        assertThat(next.get("nextCursor")).isNull();

        given().header("Authorization", TestTokens.bearer("sessions:read")).queryParam("subjectId", Directory.RITA.id())
                .queryParam("actorId", Directory.SAM.id()).queryParam("status", "active").get(SESSIONS)
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(rita))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(carol)));

        given().header("Authorization", TestTokens.bearer("sessions:read")).get(SESSIONS + "/" + rita)
                .then().statusCode(200)
                .body("actorId", equalTo(Directory.SAM.id())).body("subjectId", equalTo(Directory.RITA.id()))
                .body("reason", equalTo("ticket")).body("status", equalTo("active"))
                .body("act.sub", equalTo(Directory.SAM.id())).body("flow", equalTo("token_exchange"));

        given().header("Authorization", TestTokens.bearer("sessions:read")).delete(SESSIONS + "/" + rita)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.token().subject("admin-7").scopes("sessions:write").bearer())
                .delete(SESSIONS + "/" + rita).then().statusCode(200)
                .body("status", equalTo("ended")).body("endReason", equalTo("revoked"))
                .body("endedBy", equalTo("admin-7"));
        events.await(where(EventTypes.SESSION_ENDED, "sessionId", rita, "reason", "revoked"), 1, Duration.ofSeconds(20));

        given().header("Authorization", TestTokens.bearer("sessions:read")).get(SESSIONS + "/unknown")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("sessions:read")).queryParam("status", "paused").get(SESSIONS)
                .then().statusCode(400).contentType("application/problem+json");
        given().get(SESSIONS).then().statusCode(401);
    }

    @Test
    void subjectSeesAndEndsTheSessionsImpersonatingThemWithTheirOwnToken() throws Exception {
        OIDCTokenResponse carolAsSam = AuthorizationServer.tokens(impersonate(Directory.CAROL));
        String sid = sid(carolAsSam.getOIDCTokens().getAccessToken().getValue());
        String ritaSession = sid(Exchanges.as(server, console).subjectUser(Directory.RITA.id()).actorAccessToken(samToken)
                .reason("x").send());
        String carolOwn = "Bearer " + Logins.of(server, console, "openid orgs:read").tokens(Directory.CAROL)
                .getOIDCTokens().getAccessToken().getValue();

        // even when asking for someone else's, a subject sees only the sessions impersonating them
        given().header("Authorization", carolOwn).queryParam("subjectId", Directory.RITA.id()).get(SESSIONS)
                .then().statusCode(200).body("items.subjectId", org.hamcrest.Matchers.everyItem(
                        equalTo(Directory.CAROL.id())));
        given().header("Authorization", carolOwn).get(SESSIONS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(sid));
        given().header("Authorization", carolOwn).get(SESSIONS + "/" + ritaSession).then().statusCode(404);
        given().header("Authorization", carolOwn).delete(SESSIONS + "/" + ritaSession).then().statusCode(404);
        // the impersonated token is not the subject's own
        given().header("Authorization", "Bearer " + carolAsSam.getOIDCTokens().getAccessToken().getValue())
                .get(SESSIONS).then().statusCode(403);
        // nor is a client's token
        String clientToken = AuthorizationServer.tokens(server.send(
                TestClients.confidential().grants("client_credentials").scopes("orgs:read").create().basic(),
                new ClientCredentialsGrant(), null)).getOIDCTokens().getAccessToken().getValue();
        given().header("Authorization", "Bearer " + clientToken).get(SESSIONS).then().statusCode(403);

        given().header("Authorization", carolOwn).delete(SESSIONS + "/" + sid).then().statusCode(200)
                .body("status", equalTo("ended")).body("endedBy", equalTo(Directory.CAROL.id()));
        assertThat(Exchanges.introspect(console, carolAsSam.getOIDCTokens().getAccessToken().getValue()))
                .containsEntry("active", false);
        assertThat(AuthorizationServer.error(server.send(console.basic(),
                new RefreshTokenGrant(carolAsSam.getOIDCTokens().getRefreshToken()), null)).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void sessionsExpireAtTheirHardLimitAndTokensNeverOutliveThem() throws Exception {
        Stubs.maxSessionSeconds(3);
        OIDCTokenResponse tokens = AuthorizationServer.tokens(impersonate(Directory.CAROL));
        String access = tokens.getOIDCTokens().getAccessToken().getValue();
        String sid = sid(access);

        assertThat(tokens.getOIDCTokens().getAccessToken().getLifetime()).isLessThanOrEqualTo(3);
        events.await(where(EventTypes.SESSION_ENDED, "sessionId", sid, "reason", "expired"), 1, Duration.ofSeconds(30));
        given().header("Authorization", TestTokens.bearer("sessions:read")).get(SESSIONS + "/" + sid)
                .then().statusCode(200).body("status", equalTo("expired"));
        assertThat(Exchanges.introspect(console, access)).containsEntry("active", false);
        assertThat(AuthorizationServer.error(server.send(console.basic(),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()), null)).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void openApiDocumentsTheSessionsApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/impersonation-sessions'.get.responses.'200'.description", equalTo("A page of sessions"))
                .body("paths.'/api/v1/impersonation-sessions/{id}'.delete.responses.'404'",
                        org.hamcrest.Matchers.notNullValue());
    }

    private com.nimbusds.oauth2.sdk.http.HTTPResponse impersonate(Directory.User subject) {
        return Exchanges.as(server, console).subjectUser(subject.id()).actorAccessToken(samToken)
                .scope("openid orgs:read").send();
    }

    private static String sid(com.nimbusds.oauth2.sdk.http.HTTPResponse response) throws Exception {
        return sid(AuthorizationServer.tokens(response).getOIDCTokens().getAccessToken().getValue());
    }

}
