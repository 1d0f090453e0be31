package io.actas.token.exchange;

import static io.actas.token.testing.ImpersonationEvents.where;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import io.actas.events.EventTypes;
import io.actas.events.ReasonCodes;
import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.BrowserLogin;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationTestSupport;
import io.actas.token.testing.Logins;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The WSO2 flow (subject token from the authorization endpoint, then exchange) and RFC 8693 delegation. */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class SubjectTokenAndDelegationTest extends ImpersonationTestSupport {

    static final String JWT = "urn:ietf:params:oauth:token-type:jwt";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    TestClients.Registered console;

    @BeforeEach
    void setUp() {
        console = TestClients.supportConsole().create();
    }

    @Test
    void subjectTokenFromAuthorizeThenExchangeWithActorIdTokenYieldsImpersonatedToken() throws Exception {
        Map<String, String> fragment = subjectTokenResponse(Directory.CAROL.id(), Directory.SAM);

        assertThat(fragment).containsKeys("subject_token", "id_token", "state");
        SignedJWT subjectToken = SignedJWT.parse(fragment.get("subject_token"));
        assertThat(subjectToken.getHeader().getType()).isEqualTo(new JOSEObjectType("jwt"));
        JWTClaimsSet subjectClaims = subjectToken.getJWTClaimsSet();
        assertThat(subjectClaims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(subjectClaims.getAudience()).containsExactly(console.clientId());
        assertThat(subjectClaims.getJSONObjectClaim("may_act")).isEqualTo(Map.of("sub", Directory.SAM.id()));
        assertThat(subjectClaims.getExpirationTime().getTime() - subjectClaims.getIssueTime().getTime())
                .isEqualTo(180_000);
        assertThat(SignedJWT.parse(fragment.get("id_token")).getJWTClaimsSet().getSubject())
                .isEqualTo(Directory.SAM.id());

        HTTPResponse exchanged = Exchanges.as(server, console).subject(fragment.get("subject_token"), JWT)
                .actor(fragment.get("id_token"), ID_TOKEN).scope("orgs:read").send();

        JWTClaimsSet claims = server.verifyAccessToken(
                AuthorizationServer.tokens(exchanged).getOIDCTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(claims.getJSONObjectClaim("act")).containsEntry("sub", Directory.SAM.id());
        assertThat(claims.getStringClaim("scope")).isEqualTo("orgs:read");
        events.await(where(EventTypes.SESSION_STARTED, "sessionId", (String) claims.getJSONObjectClaim("imp").get("sid"),
                "flow", "token_exchange"), 1, Duration.ofSeconds(20));

        // a subject token works once
        HTTPResponse replayed = Exchanges.as(server, console).subject(fragment.get("subject_token"), JWT)
                .actor(fragment.get("id_token"), ID_TOKEN).send();
        assertThat(AuthorizationServer.error(replayed).getCode()).isEqualTo("invalid_request");
    }

    @Test
    void subjectTokenExchangedWithAnotherActorThenMayActMismatch() {
        Map<String, String> fragment = subjectTokenResponse(Directory.CAROL.id(), Directory.SAM);
        String sueIdToken = Logins.of(server, console, "openid").tokens(Directory.SUE).getOIDCTokens().getIDTokenString();

        HTTPResponse response = Exchanges.as(server, console).subject(fragment.get("subject_token"), JWT)
                .actor(sueIdToken, ID_TOKEN).send();

        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_request");
        events.await(where(EventTypes.DENIED, "clientId", console.clientId(), "actorId", Directory.SUE.id(),
                "reasonCode", ReasonCodes.MAY_ACT_MISMATCH), 1, Duration.ofSeconds(20));
    }

    @Test
    void subjectTokenRequestForAnAdministratorIsRedirectedWithAccessDenied() {
        URI redirect = BrowserLogin.loginAndFollow(subjectTokenRequest(Directory.ADA.id()), Directory.SAM.username(),
                Directory.SAM.password());

        Map<String, String> fragment = fragment(redirect);
        assertThat(fragment).containsEntry("error", "access_denied").containsEntry("state", "s-1")
                .doesNotContainKey("subject_token");
        events.await(where(EventTypes.DENIED, "clientId", console.clientId(), "subjectId", Directory.ADA.id(), "flow",
                "subject_token", "reasonCode", ReasonCodes.PRIVILEGE_CEILING), 1, Duration.ofSeconds(20));
    }

    @Test
    void subjectTokenRequestWithoutRequestedSubjectIsAnInvalidRequest() {
        URI request = URI.create(server.metadata().getAuthorizationEndpointURI() + "?client_id=" + console.clientId()
                + "&redirect_uri=" + TestClients.REDIRECT_URI + "&response_type=subject_token&scope=orgs:read&state=s-2");

        io.restassured.response.Response answer = BrowserLogin.open(request);

        assertThat(answer.statusCode()).isEqualTo(302);
        Map<String, String> fragment = fragment(URI.create(answer.header("Location")));
        assertThat(fragment).containsEntry("error", "invalid_request").containsEntry("state", "s-2");
    }

    @Test
    void delegationKeepsTheSubjectAndNamesTheServiceAsActor() throws Exception {
        TestClients.Registered service = service();
        String carolToken = Logins.of(server, console, "openid orgs:read").tokens(Directory.CAROL).getOIDCTokens()
                .getAccessToken().getValue();

        HTTPResponse response = Exchanges.as(server, service).subject(carolToken, ACCESS_TOKEN)
                .actorAccessToken(serviceToken(service)).scope("orgs:read").send();

        JWTClaimsSet claims = server.verifyAccessToken(
                AuthorizationServer.tokens(response).getOIDCTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(claims.getJSONObjectClaim("act"))
                .isEqualTo(Map.of("sub", service.clientId(), "iss", server.issuer().getValue()));
        assertThat(claims.getStringClaim("client_id")).isEqualTo(service.clientId());
        assertThat(claims.getJSONObjectClaim("imp")).containsKey("sid");
    }

    @Test
    void delegatingAnImpersonatedTokenNestsActStaysInTheSessionAndIsCappedInDepth() throws Exception {
        TestClients.Registered service = service();
        String actorToken = serviceToken(service);
        String samToken = accessToken(console, Directory.SAM, "openid impersonation orgs:read");
        String carolAsSam = AuthorizationServer.tokens(Exchanges.as(server, console).subjectUser(Directory.CAROL.id())
                .actorAccessToken(samToken).scope("orgs:read").send()).getOIDCTokens().getAccessToken().getValue();
        String sid = (String) SignedJWT.parse(carolAsSam).getJWTClaimsSet().getJSONObjectClaim("imp").get("sid");

        String depth2 = delegate(service, carolAsSam, actorToken);
        JWTClaimsSet claims = server.verifyAccessToken(depth2);
        assertThat(claims.getSubject()).isEqualTo(Directory.CAROL.id());
        assertThat(claims.getJSONObjectClaim("act")).containsEntry("sub", service.clientId())
                .containsEntry("act", Map.of("sub", Directory.SAM.id(), "iss", server.issuer().getValue()));
        assertThat(claims.getJSONObjectClaim("imp")).containsEntry("sid", sid);
        String depth3 = delegate(service, depth2, actorToken);

        HTTPResponse tooDeep = Exchanges.as(server, service).subject(depth3, ACCESS_TOKEN).actorAccessToken(actorToken)
                .send();
        assertThat(AuthorizationServer.error(tooDeep).getCode()).isEqualTo("access_denied");
        events.await(where(EventTypes.DENIED, "clientId", service.clientId(), "flow", "delegation", "reasonCode",
                ReasonCodes.CHAINING_FORBIDDEN), 1, Duration.ofSeconds(20));

        // ending the session revokes the delegated tokens too
        given().header("Authorization", TestTokens.bearer("sessions:write")).delete("/api/v1/impersonation-sessions/" + sid)
                .then().statusCode(200);
        assertThat(Exchanges.introspect(console, depth2)).containsEntry("active", false);
        assertThat(Exchanges.introspect(console, depth3)).containsEntry("active", false);
    }

    private String delegate(TestClients.Registered service, String subject, String actorToken) {
        return AuthorizationServer.tokens(Exchanges.as(server, service).subject(subject, ACCESS_TOKEN)
                .actorAccessToken(actorToken).send()).getOIDCTokens().getAccessToken().getValue();
    }

    private TestClients.Registered service() {
        return TestClients.confidential().grants("client_credentials", TestClients.TOKEN_EXCHANGE)
                .scopes("orgs:read").with("impersonationEnabled", true).create();
    }

    private String serviceToken(TestClients.Registered service) {
        return AuthorizationServer.tokens(server.send(service.basic(), new ClientCredentialsGrant(),
                new Scope("orgs:read"))).getOIDCTokens().getAccessToken().getValue();
    }

    private URI subjectTokenRequest(String requestedSubject) {
        return URI.create(server.metadata().getAuthorizationEndpointURI() + "?client_id=" + console.clientId()
                + "&redirect_uri=" + TestClients.REDIRECT_URI
                + "&response_type=id_token%20subject_token&scope=openid%20orgs:read&nonce=n-1&state=s-1"
                + "&requested_subject=" + requestedSubject);
    }

    private Map<String, String> subjectTokenResponse(String requestedSubject, Directory.User actor) {
        return fragment(BrowserLogin.loginAndFollow(subjectTokenRequest(requestedSubject), actor.username(),
                actor.password()));
    }

    private static Map<String, String> fragment(URI redirect) {
        assertThat(redirect.toString()).startsWith(TestClients.REDIRECT_URI + "#");
        Map<String, List<String>> parameters = URLUtils.parseParameters(redirect.getRawFragment());
        return parameters.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(0)));
    }
}
