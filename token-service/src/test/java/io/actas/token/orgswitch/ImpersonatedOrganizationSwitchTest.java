package io.actas.token.orgswitch;

import static io.actas.token.testing.ImpersonationEvents.where;
import static io.actas.token.testing.OrgSwitches.assertDenied;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

import io.actas.events.EventTypes;
import io.actas.support.testing.TestTokens;
import io.actas.token.client.ClientService;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationTestSupport;
import io.actas.token.testing.OrgSwitches;
import io.actas.token.testing.OrgTree;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * An impersonated token — from a real token exchange, with its session — switched into a child organization: {@code act}
 * and {@code imp} kept, the policy asked with {@code organizationSwitch: true}, every refusal an
 * {@code io.actas.impersonation.denied} event and every switch an {@code io.actas.impersonation.org.switched} event on
 * Kafka.
 */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ImpersonatedOrganizationSwitchTest extends ImpersonationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TokenIssuer issuer;

    @Inject
    ImpersonationService impersonation;

    @Inject
    ClientService clients;

    TestClients.Registered client;
    OrgSwitches switches;

    @BeforeEach
    void setUp() {
        client = TestClients.supportConsole().grants("organization_switch")
                .with("sharing", Map.of("organizationIds", List.of(OrgTree.DEPT.id(), OrgTree.TEAM.id(),
                        OrgTree.OTHER.id(), OrgTree.CLOSED.id())))
                .create();
        switches = new OrgSwitches(server, client);
    }

    @AfterEach
    void policyBack() {
        Stubs.resetPolicy();
    }

    @Test
    void impersonatedTokenSwitchesIntoTheTeamKeepingActAndImp() throws Exception {
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read tickets:read");
        JWTClaimsSet in = SignedJWT.parse(input).getJWTClaimsSet();

        Response response = switches.send(input, OrgTree.TEAM.id(), "openid orgs:read tickets:read tickets:write");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.<String> path("refresh_token")).isNull();
        // orgs:read is Ivy's in the root organization only; the policy grants what she holds in the team
        assertThat(response.<String> path("scope")).isEqualTo("openid tickets:read tickets:write");
        JWTClaimsSet out = server.verifyAccessToken(response.path("access_token"));
        assertThat(out.getSubject()).isEqualTo(OrgTree.IVY.id());
        assertThat(out.getJSONObjectClaim("act")).isEqualTo(in.getJSONObjectClaim("act"))
                .isEqualTo(Map.of("sub", OrgTree.OLGA.id(), "iss", server.issuer().getValue()));
        assertThat(out.getJSONObjectClaim("imp")).isEqualTo(in.getJSONObjectClaim("imp"))
                .containsEntry("reason", "TICKET-8");
        assertThat(out.getStringClaim("aut")).isEqualTo("APPLICATION_USER");
        assertThat(out.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(out.getStringClaim("org_id")).isEqualTo(OrgTree.TEAM.id());
        assertThat(out.getStringClaim("org_name")).isEqualTo("Team");
        assertThat(out.getStringClaim("user_org")).isEqualTo(OrgTree.ROOT.id());
        assertThat(out.getStringClaim("scope")).isEqualTo("openid tickets:read tickets:write");
        assertThat(out.getExpirationTime()).isBeforeOrEqualTo(in.getExpirationTime());

        JsonObject switched = events.await(where(EventTypes.ORG_SWITCHED, "tokenId", out.getJWTID()), 1, WAIT).get(0);
        assertThat(switched.getString("_key")).isEqualTo(OrgTree.IVY.id());
        JsonObject data = switched.getJsonObject("data");
        assertThat(data.getString("sessionId")).isEqualTo(sid(input));
        assertThat(data.getString("actorId")).isEqualTo(OrgTree.OLGA.id());
        assertThat(data.getString("subjectId")).isEqualTo(OrgTree.IVY.id());
        assertThat(data.getString("clientId")).isEqualTo(client.clientId());
        assertThat(data.getString("fromOrganizationId")).isEqualTo(OrgTree.ROOT.id());
        assertThat(data.getString("organizationId")).isEqualTo(OrgTree.TEAM.id());
        assertThat(data.getString("organizationName")).isEqualTo("Team");
        assertThat(data.getJsonArray("scopes").getList()).containsExactly("openid", "tickets:read", "tickets:write");
        assertThat(Instant.parse(data.getString("expiresAt"))).isEqualTo(out.getExpirationTime().toInstant());
        assertThat(data.getJsonObject("act").getString("sub")).isEqualTo(OrgTree.OLGA.id());
    }

    @Test
    void switchedTokenNeverOutlivesItsSessionAndEndsWithIt() throws Exception {
        Stubs.maxSessionSeconds(45);
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");
        String sid = sid(input);
        Instant sessionEnd = Instant.parse(given().header("Authorization", TestTokens.bearer("sessions:read"))
                .get("/api/v1/impersonation-sessions/" + sid).then().statusCode(200).extract().path("expiresAt"));

        Response response = switches.send(input, OrgTree.TEAM.id(), "tickets:read");
        String switched = response.path("access_token");

        // the client's impersonated token lifetime is 300 s; the session has 45 s
        assertThat(response.<Integer> path("expires_in")).isLessThanOrEqualTo(45);
        assertThat(server.verifyAccessToken(switched).getExpirationTime().toInstant()).isBeforeOrEqualTo(sessionEnd);
        assertThat(Exchanges.introspect(client, switched)).containsEntry("active", true);

        given().header("Authorization", TestTokens.bearer("sessions:write"))
                .delete("/api/v1/impersonation-sessions/" + sid).then().statusCode(200);

        assertThat(Exchanges.introspect(client, switched)).containsEntry("active", false);
        Response again = switches.send(input, OrgTree.TEAM.id(), "tickets:read");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.<String> path("error")).isEqualTo("invalid_grant");
    }

    @Test
    void policyGrantsLessThanTheSubjectHoldsThenTheTokenHoldsOnlyThat() {
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");
        Stubs.ruleGrants("tickets:read");

        Response response = switches.send(input, OrgTree.TEAM.id(), "tickets:read tickets:write");

        assertThat(response.<String> path("scope")).isEqualTo("tickets:read");
    }

    @Test
    void policyDeniesTheOrganizationImpersonationThenAccessDeniedAndItsReasonInTheEvent() throws Exception {
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");
        Stubs.denySwitches("denied_by_rule");

        assertDenied(switches.send(input, OrgTree.TEAM.id(), "tickets:read"));

        JsonObject denied = deniedEvent(input, "denied_by_rule");
        assertThat(denied.getString("ruleId")).isEqualTo("rule-support");
        assertThat(denied.getString("actorId")).isEqualTo(OrgTree.OLGA.id());
        assertThat(denied.getString("subjectId")).isEqualTo(OrgTree.IVY.id());
        assertThat(denied.getString("organizationId")).isEqualTo(OrgTree.TEAM.id());
        assertThat(denied.getString("reason")).isEqualTo("TICKET-8");
    }

    @Test
    void actorWithoutOrgImpersonationThenAccessDeniedMissingPermission() throws Exception {
        // Ned may impersonate in the root organization (impersonation) but not carry it into child organizations
        String input = exchange(OrgTree.NED, OrgTree.IVY, "openid orgs:read");

        assertDenied(switches.send(input, OrgTree.TEAM.id(), "tickets:read"));

        assertThat(deniedEvent(input, "missing_permission").getString("actorId")).isEqualTo(OrgTree.NED.id());
    }

    @Test
    void everyOrganizationCheckIsADenialEventWithItsReasonCode() throws Exception {
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");
        String teamToken = switches.switched(input, OrgTree.TEAM.id(), "tickets:read");
        TestClients.Registered deptOnly = TestClients.supportConsole().grants("organization_switch")
                .with("sharing", Map.of("organizationIds", List.of(OrgTree.DEPT.id()))).create();
        String deptOnlyInput = exchange(deptOnly, OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");

        assertDenied(switches.send(input, "o-nowhere", "tickets:read"));
        assertDenied(switches.send(input, OrgTree.CLOSED.id(), "tickets:read"));
        assertDenied(switches.send(teamToken, OrgTree.DEPT.id(), "orgs:read"));
        assertDenied(switches.send(input, OrgTree.OTHER.id(), "tickets:read"));
        assertDenied(new OrgSwitches(server, deptOnly).send(deptOnlyInput, OrgTree.TEAM.id(), "tickets:read"));

        assertThat(deniedEvent(input, "organization_not_found").getString("organizationId")).isEqualTo("o-nowhere");
        assertThat(deniedEvent(input, "organization_inactive").getString("organizationId")).isEqualTo(OrgTree.CLOSED.id());
        assertThat(deniedEvent(input, "organization_not_descendant").getString("organizationId"))
                .isEqualTo(OrgTree.DEPT.id());
        assertThat(deniedEvent(input, "not_a_member").getString("organizationId")).isEqualTo(OrgTree.OTHER.id());
        assertThat(events.await(where(EventTypes.DENIED, "clientId", deptOnly.clientId(), "reasonCode",
                "client_not_shared", "flow", "organization_switch"), 1, WAIT)).hasSize(1);
    }

    @Test
    void invitedParentUserCannotActForTheTeamsOwnUserNorTheReverse() throws Exception {
        // tokens token exchange would refuse (policy guard), minted with a live session to show the switch refuses too
        String ivyAsTom = OrgSwitches.impersonated(impersonation, clients, issuer, client.clientId(), OrgTree.IVY,
                OrgTree.TOM, OrgTree.ROOT.id(), List.of("tickets:read"));
        String tinaAsIvy = OrgSwitches.impersonated(impersonation, clients, issuer, client.clientId(), OrgTree.TINA,
                OrgTree.IVY, OrgTree.ROOT.id(), List.of("orgs:read"));

        assertDenied(switches.send(ivyAsTom, OrgTree.TEAM.id(), "tickets:read"));
        assertDenied(switches.send(tinaAsIvy, OrgTree.TEAM.id(), "tickets:read"));

        assertThat(deniedEvent(ivyAsTom, "organization_mismatch").getString("actorId")).isEqualTo(OrgTree.IVY.id());
        assertThat(deniedEvent(tinaAsIvy, "organization_mismatch").getString("actorId")).isEqualTo(OrgTree.TINA.id());
    }

    @Test
    void upstreamsDownThenTemporarilyUnavailable() {
        String input = exchange(OrgTree.OLGA, OrgTree.IVY, "openid orgs:read");
        Stubs.down();

        Response response = switches.send(input, OrgTree.TEAM.id(), "tickets:read");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.<String> path("error")).isEqualTo("temporarily_unavailable");
    }

    // ---- fixtures ----

    private String exchange(Directory.User actor, Directory.User subject, String scope) {
        return exchange(client, actor, subject, scope);
    }

    /** The actor logs in through the client and exchanges their token for one acting as the subject (direct mode). */
    private String exchange(TestClients.Registered through, Directory.User actor, Directory.User subject, String scope) {
        String actorToken = accessToken(through, actor, "openid impersonation");
        return AuthorizationServer.tokens(Exchanges.as(server, through).subjectUser(subject.id())
                .actorAccessToken(actorToken).scope(scope).reason("TICKET-8").send()).getTokens().getAccessToken()
                .getValue();
    }

    /** The denial event of this impersonated input's switch with this reason code. */
    private JsonObject deniedEvent(String input, String reasonCode) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(input).getJWTClaimsSet();
        String actorId = (String) claims.getJSONObjectClaim("act").get("sub");
        return events.await(where(EventTypes.DENIED, "clientId", claims.getStringClaim("client_id"), "actorId", actorId,
                "subjectId", claims.getSubject(), "reasonCode", reasonCode, "flow", "organization_switch"), 1, WAIT)
                .get(0).getJsonObject("data");
    }
}
