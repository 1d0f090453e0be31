package io.actas.token.orgswitch;

import static io.actas.token.testing.OrgSwitches.assertDenied;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.Tokens;

import io.actas.token.issue.TokenIssuer;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.CodeFlow;
import io.actas.token.testing.Directory;
import io.actas.token.testing.OrgSwitches;
import io.actas.token.testing.OrgTree;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class OrganizationSwitchGrantTest {

    @TestHTTPResource
    URL url;

    @Inject
    TokenIssuer issuer;

    AuthorizationServer server;
    TestClients.Registered client;
    OrgSwitches switches;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        client = console().with("sharing", Map.of("allOrganizations", false, "organizationIds",
                List.of(OrgTree.DEPT.id(), OrgTree.TEAM.id(), OrgTree.OTHER.id(), OrgTree.CLOSED.id()))).create();
        switches = new OrgSwitches(server, client);
    }

    @AfterEach
    void upstreamsBack() {
        Stubs.up();
        Stubs.userStatus(OrgTree.IVY.id(), "active");
    }

    // ---- switching a user's own token ----

    @Test
    void invitedUserSwitchesIntoTheTeamAndHoldsWhatSheHoldsThere() throws Exception {
        Tokens login = login(OrgTree.IVY, "openid orgs:read tickets:read");
        Instant inputExpiry = expiry(login.getAccessToken().getValue());

        Response response = switches.send(login.getAccessToken().getValue(), OrgTree.TEAM.id(),
                "orgs:read tickets:read tickets:write");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.<String> path("token_type")).isEqualTo("Bearer");
        assertThat(response.<String> path("refresh_token")).isNull();
        assertThat(response.<String> path("id_token")).isNull();
        // orgs:read is hers in the root organization, not in the team
        assertThat(response.<String> path("scope")).isEqualTo("tickets:read tickets:write");
        JWTClaimsSet claims = server.verifyAccessToken(response.path("access_token"));
        assertThat(claims.getIssuer()).isEqualTo(server.issuer().getValue());
        assertThat(claims.getSubject()).isEqualTo(OrgTree.IVY.id());
        assertThat(claims.getAudience()).containsExactly("actas");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("azp")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("aut")).isEqualTo("APPLICATION_USER");
        assertThat(claims.getStringClaim("org_id")).isEqualTo(OrgTree.TEAM.id());
        assertThat(claims.getStringClaim("org_name")).isEqualTo("Team");
        assertThat(claims.getStringClaim("user_org")).isEqualTo(OrgTree.ROOT.id());
        assertThat(claims.getStringClaim("scope")).isEqualTo("tickets:read tickets:write");
        assertThat(claims.getClaim("act")).isNull();
        assertThat(claims.getClaim("imp")).isNull();
        assertThat(claims.getExpirationTime().toInstant()).isBeforeOrEqualTo(inputExpiry);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getJWTID()).isNotEqualTo(SignedJWT.parse(login.getAccessToken().getValue()).getJWTClaimsSet()
                .getJWTID());
    }

    @Test
    void switchedTokenSwitchesFurtherDownStepByStep() throws Exception {
        String rootToken = login(OrgTree.IVY, "openid orgs:read").getAccessToken().getValue();

        String deptToken = switches.switched(rootToken, OrgTree.DEPT.id(), "orgs:read tickets:read");
        String teamToken = switches.switched(deptToken, OrgTree.TEAM.id(), "tickets:read");

        JWTClaimsSet dept = server.verifyAccessToken(deptToken);
        assertThat(dept.getStringClaim("org_id")).isEqualTo(OrgTree.DEPT.id());
        assertThat(dept.getStringClaim("org_name")).isEqualTo("Department");
        assertThat(dept.getStringClaim("scope")).isEqualTo("orgs:read");
        JWTClaimsSet team = server.verifyAccessToken(teamToken);
        assertThat(team.getStringClaim("org_id")).isEqualTo(OrgTree.TEAM.id());
        assertThat(team.getStringClaim("user_org")).isEqualTo(OrgTree.ROOT.id());
        assertThat(team.getStringClaim("scope")).isEqualTo("tickets:read");
    }

    @Test
    void withoutScopeTheSwitchAsksForTheClientsScopes() throws Exception {
        String token = login(OrgTree.IVY, "openid orgs:read").getAccessToken().getValue();

        Response response = switches.send(token, OrgTree.TEAM.id(), null);

        assertThat(response.<String> path("scope")).isEqualTo("openid profile tickets:read tickets:write");
    }

    @Test
    void switchedTokenIsActiveAtIntrospectionAndDiesWithItsLogin() throws Exception {
        Tokens login = login(OrgTree.IVY, "openid orgs:read");
        String switched = switches.switched(login.getAccessToken().getValue(), OrgTree.TEAM.id(), "tickets:read");
        assertThat(introspect(switched).<Boolean> path("active")).isTrue();
        assertThat(introspect(switched).<String> path("org_id")).isEqualTo(OrgTree.TEAM.id());

        // RFC 7009: revoking the refresh token revokes the login's tokens, the switched one included
        new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(), client.basic(), login.getRefreshToken())
                .toHTTPRequest().send();

        assertThat(introspect(switched).<Boolean> path("active")).isFalse();
        assertThat(switches.send(switched, OrgTree.TEAM.id(), null).<String> path("error")).isEqualTo("invalid_grant");
    }

    @Test
    void clientSharedWithAllOrganizationsMaySwitchAnywhereBelow() throws Exception {
        TestClients.Registered everywhere = console().with("sharing", Map.of("allOrganizations", true)).create();
        String token = new CodeFlow(server, everywhere, "openid orgs:read").tokens(OrgTree.IVY.username(),
                OrgTree.IVY.password()).getOIDCTokens().getAccessToken().getValue();

        String switched = new OrgSwitches(server, everywhere).switched(token, OrgTree.TEAM.id(), "tickets:read");

        assertThat(server.verifyAccessToken(switched).getStringClaim("org_id")).isEqualTo(OrgTree.TEAM.id());
    }

    // ---- refusals: the same vague answer for every check ----

    @Test
    void unknownOrganizationThenAccessDenied() {
        assertDenied(switches.send(ivysToken(), "o-nowhere", "tickets:read"));
    }

    @Test
    void disabledOrganizationThenAccessDenied() {
        assertDenied(switches.send(ivysToken(), OrgTree.CLOSED.id(), "tickets:read"));
    }

    @Test
    void organizationAboveOrBesideTheTokensThenAccessDenied() {
        String teamToken = switches.switched(ivysToken(), OrgTree.TEAM.id(), "tickets:read");

        assertDenied(switches.send(teamToken, OrgTree.DEPT.id(), "orgs:read"));
        assertDenied(switches.send(teamToken, OrgTree.ROOT.id(), "orgs:read"));
        assertDenied(switches.send(teamToken, OrgTree.TEAM.id(), "tickets:read"));
    }

    @Test
    void clientNotSharedWithTheOrganizationThenAccessDenied() {
        TestClients.Registered deptOnly = console().with("sharing",
                Map.of("allOrganizations", false, "organizationIds", List.of(OrgTree.DEPT.id()))).create();
        String token = new CodeFlow(server, deptOnly, "openid orgs:read").tokens(OrgTree.IVY.username(),
                OrgTree.IVY.password()).getOIDCTokens().getAccessToken().getValue();
        OrgSwitches viaDeptOnly = new OrgSwitches(server, deptOnly);

        assertDenied(viaDeptOnly.send(token, OrgTree.TEAM.id(), "tickets:read"));
        assertThat(viaDeptOnly.send(token, OrgTree.DEPT.id(), "orgs:read").statusCode()).isEqualTo(200);
    }

    @Test
    void subjectNotAMemberOfTheOrganizationThenAccessDenied() {
        assertDenied(switches.send(ivysToken(), OrgTree.OTHER.id(), "tickets:read"));
    }

    @Test
    void disabledSubjectThenAccessDenied() {
        String token = ivysToken();
        Stubs.userStatus(OrgTree.IVY.id(), "disabled");

        assertDenied(switches.send(token, OrgTree.TEAM.id(), "tickets:read"));
    }

    // ---- the token parameter: invalid_grant ----

    @Test
    void tokenThatIsNotOneOfOursThenInvalidGrant() {
        assertInvalidGrant(switches.send("not-a-token", OrgTree.TEAM.id(), null));
    }

    @Test
    void revokedTokenThenInvalidGrant() throws Exception {
        String token = ivysToken();
        new TokenRevocationRequest(server.metadata().getRevocationEndpointURI(), client.basic(),
                new com.nimbusds.oauth2.sdk.token.BearerAccessToken(token)).toHTTPRequest().send();

        assertInvalidGrant(switches.send(token, OrgTree.TEAM.id(), null));
    }

    @Test
    void expiredTokenThenInvalidGrant() throws Exception {
        String token = OrgSwitches.userToken(issuer, client.clientId(), OrgTree.IVY, OrgTree.ROOT.id(),
                List.of("orgs:read"), Duration.ofSeconds(1));
        Thread.sleep(1_500);

        assertInvalidGrant(switches.send(token, OrgTree.TEAM.id(), null));
    }

    @Test
    void anotherClientsTokenThenInvalidGrant() {
        TestClients.Registered other = console().with("sharing", Map.of("allOrganizations", true)).create();

        assertInvalidGrant(new OrgSwitches(server, other).send(ivysToken(), OrgTree.TEAM.id(), null));
    }

    @Test
    void idTokenOrClientTokenThenInvalidGrant() {
        Tokens login = login(OrgTree.IVY, "openid orgs:read");
        TestClients.Registered service = TestClients.confidential().grants("client_credentials", "organization_switch")
                .scopes("orgs:read").with("sharing", Map.of("allOrganizations", true)).create();
        String clientToken = AuthorizationServer.tokens(server.send(service.basic(), new ClientCredentialsGrant(), null))
                .getTokens().getAccessToken().getValue();

        assertInvalidGrant(switches.send(login.toOIDCTokens().getIDTokenString(), OrgTree.TEAM.id(), null));
        assertInvalidGrant(new OrgSwitches(server, service).send(clientToken, OrgTree.TEAM.id(), null));
    }

    // ---- request errors ----

    @Test
    void missingParametersThenInvalidRequest() {
        Response noOrganization = given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "organization_switch").formParam("token", ivysToken())
                .post("/oauth2/token");
        Response noToken = given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "organization_switch").formParam("switching_organization", OrgTree.TEAM.id())
                .post("/oauth2/token");

        assertThat(noOrganization.<String> path("error")).isEqualTo("invalid_request");
        assertThat(noToken.<String> path("error")).isEqualTo("invalid_request");
    }

    @Test
    void organizationIdThatIsNoIdThenInvalidRequest() {
        Response response = switches.send(ivysToken(), "../users/u-ivy", "tickets:read");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.<String> path("error")).isEqualTo("invalid_request");
    }

    @Test
    void scopeTheClientIsNotRegisteredForThenInvalidScope() {
        assertThat(switches.send(ivysToken(), OrgTree.TEAM.id(), "clients:write").<String> path("error"))
                .isEqualTo("invalid_scope");
    }

    @Test
    void clientNotRegisteredForTheGrantThenUnauthorizedClient() {
        TestClients.Registered loginOnly = TestClients.confidential().loginFlow().scopes("openid", "orgs:read").create();

        assertThat(new OrgSwitches(server, loginOnly).send(ivysToken(), OrgTree.TEAM.id(), null).<String> path("error"))
                .isEqualTo("unauthorized_client");
    }

    @Test
    void orgServiceDownThenTemporarilyUnavailable() {
        String token = ivysToken();
        Stubs.down();

        Response response = switches.send(token, OrgTree.TEAM.id(), "tickets:read");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.<String> path("error")).isEqualTo("temporarily_unavailable");
    }

    @Test
    void discoveryAdvertisesTheGrant() {
        assertThat(server.metadata().getGrantTypes()).extracting(Object::toString).contains("organization_switch");
    }

    // ---- fixtures ----

    /** A console registered for login, organization switch and impersonation, with the tree's scopes. */
    private static TestClients console() {
        return TestClients.confidential().loginFlow().grants("organization_switch")
                .scopes("openid", "profile", "orgs:read", "tickets:read", "tickets:write")
                .with("impersonationEnabled", true);
    }

    private Tokens login(Directory.User user, String scope) {
        return new CodeFlow(server, client, scope).tokens(user.username(), user.password()).getOIDCTokens();
    }

    private String ivysToken() {
        return login(OrgTree.IVY, "openid orgs:read").getAccessToken().getValue();
    }

    private static Instant expiry(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getExpirationTime().toInstant();
    }

    private Response introspect(String token) {
        return given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", token)
                .post("/oauth2/introspect");
    }

    private static void assertInvalidGrant(Response response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.<String> path("error")).isEqualTo("invalid_grant");
    }
}
