package io.actas.token.exchange;

import static io.actas.token.testing.ImpersonationEvents.of;
import static io.actas.token.testing.ImpersonationEvents.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import io.actas.events.EventTypes;
import io.actas.events.ReasonCodes;
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
import io.vertx.core.json.JsonObject;

/** Direct mode (subject = a user id) and the denials of DESIGN §4, through Nimbus, read back from Kafka. */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class TokenExchangeGrantTest extends ImpersonationTestSupport {

    TestClients.Registered console;
    String samToken;

    @BeforeEach
    void setUp() {
        console = TestClients.supportConsole().create();
        samToken = accessToken(console, Directory.SAM, "openid impersonation tickets:read");
    }

    @AfterEach
    void restore() {
        Stubs.up();
        Stubs.userStatus(Directory.CAROL.id(), "active");
    }

    @Test
    void directExchangeIssuesImpersonatedTokenWithActImpAndEvents() throws Exception {
        HTTPResponse response = Exchanges.as(server, console).subjectUser(Directory.CAROL.id())
                .actorAccessToken(samToken).scope("openid orgs:read tickets:write").reason("TICKET-4711").send();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsJSONObject().get("issued_token_type"))
                .isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        OIDCTokenResponse tokens = AuthorizationServer.tokens(response);
        AccessToken token = tokens.getOIDCTokens().getAccessToken();
        assertThat(token.getType().getValue()).isEqualTo("Bearer");
        assertThat(token.getLifetime()).isBetween(290L, 300L);
        // Carol holds orgs:read, not tickets:write: the policy grants what the subject holds
        assertThat(token.getScope().toString()).isEqualTo("openid orgs:read");
        JWTClaimsSet claims = server.verifyAccessToken(token.getValue());
        assertThat(claims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(claims.getJSONObjectClaim("act"))
                .isEqualTo(Map.of("sub", Directory.SAM.id(), "iss", server.issuer().getValue()));
        Map<String, Object> imp = claims.getJSONObjectClaim("imp");
        assertThat(imp).containsEntry("reason", "TICKET-4711").containsKey("sid");
        assertThat(claims.getStringClaim("aut")).isEqualTo("APPLICATION_USER");
        assertThat(claims.getStringClaim("org_id")).isEqualTo(Directory.ROOT);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(console.clientId());
        // the ID token names the same actor
        assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getJSONObjectClaim("act"))
                .isEqualTo(claims.getJSONObjectClaim("act"));
        // introspection: active, act as an object, imp
        Map<String, Object> introspection = Exchanges.introspect(console, token.getValue());
        assertThat(introspection).containsEntry("active", true).containsEntry("sub", Directory.CAROL.id());
        assertThat(introspection.get("act")).isEqualTo(claims.getJSONObjectClaim("act"));
        assertThat(introspection.get("imp")).isEqualTo(imp);

        String sid = (String) imp.get("sid");
        JsonObject started = events.await(of(EventTypes.SESSION_STARTED, "sessionId", sid), 1, Duration.ofSeconds(20))
                .get(0);
        assertThat(started.getString("_key")).isEqualTo(Directory.CAROL.id());
        assertThat(started.getString("source")).isEqualTo("/actas/token-service");
        assertThat(started.getJsonObject("data").getString("actorId")).isEqualTo(Directory.SAM.id());
        assertThat(started.getJsonObject("data").getString("reason")).isEqualTo("TICKET-4711");
        assertThat(started.getJsonObject("data").getString("flow")).isEqualTo("token_exchange");
        JsonObject issued = events.await(of(EventTypes.TOKEN_ISSUED, "sessionId", sid), 1, Duration.ofSeconds(20))
                .get(0);
        assertThat(issued.getJsonObject("data").getString("tokenId")).isEqualTo(claims.getJWTID());
        assertThat(issued.getJsonObject("data").getJsonObject("act").getString("sub")).isEqualTo(Directory.SAM.id());
    }

    @Test
    void secondExchangeOfTheSameStartJoinsTheLiveSession() throws Exception {
        String first = sid(Exchanges.as(server, console).subjectUser(Directory.CAROL.id()).actorAccessToken(samToken)
                .scope("orgs:read").send());
        String second = sid(Exchanges.as(server, console).subjectUser(Directory.CAROL.id()).actorAccessToken(samToken)
                .scope("orgs:read").send());

        assertThat(second).isEqualTo(first);
        events.await(of(EventTypes.TOKEN_ISSUED, "sessionId", first), 2, Duration.ofSeconds(20));
        assertThat(events.matching(of(EventTypes.SESSION_STARTED, "sessionId", first))).hasSize(1);
    }

    @Test
    void exchangeWhenSubjectIsTheActorThenAccessDeniedAndAudited() {
        assertDenied(Exchanges.as(server, console).subjectUser(Directory.SAM.id()).actorAccessToken(samToken),
                Directory.SAM.id(), ReasonCodes.SELF_IMPERSONATION);
    }

    @Test
    void exchangeWhenSubjectIsAnAdministratorThenAccessDeniedByPrivilegeCeiling() {
        assertDenied(Exchanges.as(server, console).subjectUser(Directory.ADA.id()).actorAccessToken(samToken),
                Directory.ADA.id(), ReasonCodes.PRIVILEGE_CEILING);
    }

    @Test
    void exchangeWhenSubjectIsDisabledThenAccessDenied() {
        Stubs.userStatus(Directory.CAROL.id(), "disabled");
        assertDenied(Exchanges.as(server, console).subjectUser(Directory.CAROL.id()).actorAccessToken(samToken),
                Directory.CAROL.id(), ReasonCodes.SUBJECT_INACTIVE);
    }

    @Test
    void exchangeWhenPolicyRequiresAReasonAndNoneIsGivenThenAccessDenied() throws Exception {
        assertDenied(Exchanges.as(server, console).subjectUser(Directory.RITA.id()).actorAccessToken(samToken),
                Directory.RITA.id(), ReasonCodes.REASON_REQUIRED);

        HTTPResponse withReason = Exchanges.as(server, console).subjectUser(Directory.RITA.id())
                .actorAccessToken(samToken).reason("Rita asked for help").send();
        assertThat(withReason.getStatusCode()).isEqualTo(200);
    }

    @Test
    void exchangeWhenActorTokenIsImpersonatedThenChainingIsRefused() throws Exception {
        // Sam acts as Sue, who may impersonate herself; her impersonated token then asks to act as Carol
        String sueAsSam = AuthorizationServer.tokens(Exchanges.as(server, console).subjectUser(Directory.SUE.id())
                .actorAccessToken(samToken).scope("orgs:read impersonation").send()).getOIDCTokens().getAccessToken()
                .getValue();

        assertDenied(Exchanges.as(server, console).subjectUser(Directory.CAROL.id()).actorAccessToken(sueAsSam),
                Directory.CAROL.id(), ReasonCodes.CHAINING_FORBIDDEN);
    }

    @Test
    void exchangeThroughClientWithoutImpersonationThenAccessDenied() {
        TestClients.Registered plain = TestClients.confidential().loginFlow().grants(TestClients.TOKEN_EXCHANGE)
                .scopes("openid", "impersonation", "orgs:read").create();
        String samAtPlain = Logins.of(server, plain, "openid impersonation").tokens(Directory.SAM).getOIDCTokens()
                .getAccessToken().getValue();

        HTTPResponse response = Exchanges.as(server, plain).subjectUser(Directory.CAROL.id())
                .actorAccessToken(samAtPlain).send();

        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("access_denied");
        JsonObject denied = events.await(of(EventTypes.DENIED, "clientId", plain.clientId()), 1, Duration.ofSeconds(20))
                .get(0);
        assertThat(denied.getJsonObject("data").getString("reasonCode")).isEqualTo(ReasonCodes.CLIENT_NOT_ALLOWED);
        assertThat(denied.getJsonObject("data").getString("actorId")).isEqualTo(Directory.SAM.id());
    }

    @Test
    void exchangeWhenActorTokenLacksImpersonationScopeThenAccessDenied() {
        String withoutScope = Logins.of(server, console, "openid orgs:read").tokens(Directory.SAM).getOIDCTokens()
                .getAccessToken().getValue();

        assertDenied(Exchanges.as(server, console).subjectUser(Directory.CAROL.id()).actorAccessToken(withoutScope),
                Directory.CAROL.id(), ReasonCodes.MISSING_PERMISSION);
    }

    @Test
    void exchangeWithInvalidActorTokenThenInvalidRequestAndAudited() {
        HTTPResponse response = Exchanges.as(server, console).subjectUser(Directory.CAROL.id())
                .actorAccessToken("not-a-token").send();

        ErrorObject error = AuthorizationServer.error(response);
        assertThat(error.getCode()).isEqualTo("invalid_request");
        assertThat(events.await(where(EventTypes.DENIED, "clientId", console.clientId(), "reasonCode",
                ReasonCodes.INVALID_ACTOR_TOKEN), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void exchangeWhenPolicyServiceIsDownThenTemporarilyUnavailableAndNoToken() {
        Stubs.down();

        HTTPResponse response = Exchanges.as(server, console).subjectUser(Directory.CAROL.id())
                .actorAccessToken(samToken).send();

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("temporarily_unavailable");
        assertThat(response.getContent()).doesNotContain("access_token");
        events.await(where(EventTypes.DENIED, "clientId", console.clientId(), "subjectId", Directory.CAROL.id(),
                "reasonCode", ReasonCodes.POLICY_UNAVAILABLE), 1, Duration.ofSeconds(20));
    }

    @Test
    void exchangeWithoutActorTokenOrWithUnknownTypesThenInvalidRequest() throws Exception {
        HTTPResponse noActor = AuthorizationServer.send(new com.nimbusds.oauth2.sdk.TokenRequest.Builder(
                server.metadata().getTokenEndpointURI(), console.basic(),
                new com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant(
                        new com.nimbusds.oauth2.sdk.token.TypelessToken(Directory.CAROL.id()),
                        com.nimbusds.oauth2.sdk.token.TokenTypeURI.parse(Exchanges.USER_ID)))
                .build());
        assertThat(AuthorizationServer.error(noActor).getCode()).isEqualTo("invalid_request");

        HTTPResponse unknownType = Exchanges.as(server, console).subject(Directory.CAROL.id(), "urn:example:unknown")
                .actorAccessToken(samToken).send();
        assertThat(AuthorizationServer.error(unknownType).getCode()).isEqualTo("invalid_request");
    }

    private void assertDenied(Exchanges request, String subjectId, String reasonCode) {
        HTTPResponse response = request.send();

        assertThat(response.getStatusCode()).isEqualTo(403);
        ErrorObject error = AuthorizationServer.error(response);
        assertThat(error.getCode()).isEqualTo("access_denied");
        assertThat(error.getDescription()).isEqualTo("The impersonation is not allowed.");
        List<JsonObject> denied = events.await(where(EventTypes.DENIED, "clientId", console.clientId(), "subjectId",
                subjectId, "reasonCode", reasonCode), 1, Duration.ofSeconds(20));
        assertThat(denied.get(0).getString("_key")).isEqualTo(subjectId);
    }

    private static String sid(HTTPResponse response) throws Exception {
        return sid(AuthorizationServer.tokens(response).getOIDCTokens().getAccessToken().getValue());
    }
}
