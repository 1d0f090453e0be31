package io.actas.token.orgswitch;

import static io.actas.token.testing.ImpersonationEvents.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import io.actas.events.EventTypes;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationTestSupport;
import io.actas.token.testing.OrgTree;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * "Organization administrators impersonate users within their organization" (issue 8): an actor resident in the team,
 * holding the team's Impersonator role, impersonates the team's own users through a client shared with the team — the
 * direct token exchange of issue 5, with the team's organization claims.
 */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ChildOrganizationImpersonationTest extends ImpersonationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    TestClients.Registered client;

    @BeforeEach
    void setUp() {
        client = TestClients.supportConsole().with("sharing", Map.of("organizationIds", List.of(OrgTree.TEAM.id())))
                .create();
    }

    @Test
    void teamAdministratorImpersonatesTheTeamsOwnUserWithTheTeamsClaims() throws Exception {
        HTTPResponse response = exchange(OrgTree.TINA, OrgTree.TOM, "openid tickets:read");

        String token = AuthorizationServer.tokens(response).getTokens().getAccessToken().getValue();
        JWTClaimsSet claims = server.verifyAccessToken(token);
        assertThat(claims.getSubject()).isEqualTo(OrgTree.TOM.id());
        assertThat(claims.getJSONObjectClaim("act")).containsEntry("sub", OrgTree.TINA.id());
        assertThat(claims.getStringClaim("org_id")).isEqualTo(OrgTree.TEAM.id());
        assertThat(claims.getStringClaim("org_name")).isEqualTo("Team");
        assertThat(claims.getStringClaim("user_org")).isEqualTo(OrgTree.TEAM.id());
        assertThat(claims.getStringClaim("scope")).isEqualTo("openid tickets:read");
        JsonObject started = events.await(where(EventTypes.SESSION_STARTED, "sessionId", sid(token)), 1, WAIT).get(0)
                .getJsonObject("data");
        assertThat(started.getString("organizationId")).isEqualTo(OrgTree.TEAM.id());
        assertThat(started.getString("actorId")).isEqualTo(OrgTree.TINA.id());
    }

    @Test
    void teamAdministratorCannotImpersonateAnInvitedParentUserNorTheReverse() {
        HTTPResponse tinaAsIvy = exchange(OrgTree.TINA, OrgTree.IVY, "openid orgs:read");
        HTTPResponse ivyAsTom = exchange(OrgTree.IVY, OrgTree.TOM, "openid tickets:read");

        assertThat(AuthorizationServer.error(tinaAsIvy).getCode()).isEqualTo("access_denied");
        assertThat(AuthorizationServer.error(ivyAsTom).getCode()).isEqualTo("access_denied");
        assertThat(events.await(where(EventTypes.DENIED, "clientId", client.clientId(), "actorId", OrgTree.TINA.id(),
                "reasonCode", "organization_mismatch"), 1, WAIT)).hasSize(1);
        assertThat(events.await(where(EventTypes.DENIED, "clientId", client.clientId(), "actorId", OrgTree.IVY.id(),
                "reasonCode", "organization_mismatch"), 1, WAIT)).hasSize(1);
    }

    private HTTPResponse exchange(Directory.User actor, Directory.User subject, String scope) {
        String actorToken = accessToken(client, actor, "openid impersonation");
        return Exchanges.as(server, client).subjectUser(subject.id()).actorAccessToken(actorToken).scope(scope).send();
    }
}
