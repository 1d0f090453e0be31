package io.actas.token.prompt;

import static io.actas.token.testing.ImpersonationEvents.where;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import io.actas.events.EventTypes;
import io.actas.events.ReasonCodes;
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
import io.restassured.response.Response;

/**
 * The Curity flow, client unaware: a client with {@code impersonation_prompt} uses the plain authorization code flow; a
 * person allowed to impersonate is asked "act as (optional)" and the code yields impersonated tokens.
 */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ImpersonationPromptTest extends ImpersonationTestSupport {

    TestClients.Registered app;

    @BeforeEach
    void setUp() {
        app = TestClients.confidential().loginFlow().scopes("openid", "profile", "orgs:read", "tickets:read")
                .with("impersonationEnabled", true).with("impersonationPrompt", true).create();
    }

    @Test
    void personAllowedToImpersonateChoosesAUserAndTheCodeYieldsImpersonatedTokens() throws Exception {
        Logins login = Logins.of(server, app, "openid profile orgs:read tickets:read");
        Response prompt = login.signIn(Directory.SAM);
        assertThat(prompt.statusCode()).isEqualTo(200);
        assertThat(prompt.asString()).contains("Act as (optional)");

        OIDCTokenResponse tokens = login.redeem(login.actAs(prompt, Directory.CAROL.username(), "TICKET-7"));

        JWTClaimsSet claims = server.verifyAccessToken(tokens.getOIDCTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(claims.getJSONObjectClaim("act"))
                .isEqualTo(Map.of("sub", Directory.SAM.id(), "iss", server.issuer().getValue()));
        assertThat(claims.getJSONObjectClaim("imp")).containsEntry("reason", "TICKET-7");
        assertThat(claims.getStringClaim("scope")).isEqualTo("openid profile orgs:read");
        JWTClaimsSet idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertThat(idToken.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(Directory.CAROL.username());
        assertThat(idToken.getJSONObjectClaim("act")).isEqualTo(claims.getJSONObjectClaim("act"));
        // userinfo: the subject's claims, and who is acting
        Map<String, Object> userinfo = given()
                .header("Authorization", "Bearer " + tokens.getOIDCTokens().getAccessToken().getValue())
                .get("/oauth2/userinfo").then().statusCode(200).extract().as(Map.class);
        assertThat(userinfo).containsEntry("sub", Directory.CAROL.id()).containsEntry("act",
                claims.getJSONObjectClaim("act"));
        String sid = (String) claims.getJSONObjectClaim("imp").get("sid");
        events.await(where(EventTypes.SESSION_STARTED, "sessionId", sid, "flow", "login_prompt"), 1,
                Duration.ofSeconds(20));

        // refreshing keeps act and imp
        OIDCTokenResponse refreshed = AuthorizationServer.tokens(server.send(app.basic(),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()), null));
        JWTClaimsSet again = server.verifyAccessToken(refreshed.getOIDCTokens().getAccessToken().getValue());
        assertThat(again.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(again.getJSONObjectClaim("act")).isEqualTo(claims.getJSONObjectClaim("act"));
        assertThat(again.getJSONObjectClaim("imp")).isEqualTo(claims.getJSONObjectClaim("imp"));
        events.await(where(EventTypes.TOKEN_ISSUED, "sessionId", sid, "grantType", "refresh_token"), 1,
                Duration.ofSeconds(20));

        // ending the session: introspection inactive, refresh refused
        given().header("Authorization", TestTokens.bearer("sessions:write"))
                .delete("/api/v1/impersonation-sessions/" + sid).then().statusCode(200);
        assertThat(Exchanges.introspect(app, refreshed.getOIDCTokens().getAccessToken().getValue()))
                .containsEntry("active", false);
        HTTPResponse refused = server.send(app.basic(), new RefreshTokenGrant(refreshed.getOIDCTokens().getRefreshToken()),
                null);
        assertThat(AuthorizationServer.error(refused).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void choosingNobodyContinuesAsThePersonThemselves() throws Exception {
        Logins login = Logins.of(server, app, "openid orgs:read");

        OIDCTokenResponse tokens = login.redeem(login.actAs(login.signIn(Directory.SAM), "", null));

        JWTClaimsSet claims = server.verifyAccessToken(tokens.getOIDCTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(Directory.SAM.id());
        assertThat(claims.getClaim("act")).isNull();
    }

    @Test
    void personWithoutImpersonationIsNotAsked() throws Exception {
        Logins login = Logins.of(server, app, "openid orgs:read");

        Response answer = login.signIn(Directory.CAROL);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(server.verifyAccessToken(login.redeem(answer).getOIDCTokens().getAccessToken().getValue())
                .getSubject()).isEqualTo(Directory.CAROL.id());
    }

    @Test
    void choosingAUserThePolicyRefusesShowsThePromptAgainAndIsAudited() {
        Logins login = Logins.of(server, app, "openid orgs:read");

        Response answer = login.actAs(login.signIn(Directory.SAM), Directory.ADA.username(), null);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.asString()).contains("You cannot act as this user.").contains("Act as (optional)");
        events.await(where(EventTypes.DENIED, "clientId", app.clientId(), "subjectId", Directory.ADA.id(), "flow",
                "login_prompt", "reasonCode", ReasonCodes.PRIVILEGE_CEILING), 1, Duration.ofSeconds(20));

        // the same prompt can still be answered
        OIDCTokenResponse tokens = login.redeem(login.actAs(answer, Directory.CAROL.id(), null));
        assertThat(tokens.getOIDCTokens().getAccessToken().getValue()).isNotBlank();
    }

    @Test
    void refreshTokensOnlyWhereThePolicyAllows() {
        Stubs.refreshAllowed(false);
        Logins login = Logins.of(server, app, "openid orgs:read");

        OIDCTokenResponse tokens = login.redeem(login.actAs(login.signIn(Directory.SAM), Directory.CAROL.id(), null));

        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNull();
    }
}
