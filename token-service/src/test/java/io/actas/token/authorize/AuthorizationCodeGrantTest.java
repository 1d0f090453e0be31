package io.actas.token.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.BrowserLogin;
import io.actas.token.testing.CodeFlow;
import io.actas.token.testing.Directory;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class AuthorizationCodeGrantTest {

    private static final String SCOPE = "openid profile email orgs:read sessions:write";

    @TestHTTPResource
    URL url;

    @Inject
    Pool pool;

    AuthorizationServer server;
    TestClients.Registered confidential;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        confidential = TestClients.confidential().loginFlow()
                .scopes("openid", "profile", "email", "orgs:read", "sessions:write").create();
    }

    @AfterEach
    void upstreamsBack() {
        Stubs.up();
    }

    @Test
    void confidentialClientLogsAUserInAndGetsRfc9068AccessAndOidcIdTokens() throws Exception {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);

        OIDCTokenResponse response = flow.tokens(Directory.ALICE.username(), Directory.ALICE.password());

        Tokens tokens = response.getOIDCTokens();
        // sessions:write is registered for the client but Alice does not hold it (policy-service): dropped
        assertThat(tokens.getAccessToken().getScope()).isEqualTo(Scope.parse("openid profile email orgs:read"));
        assertThat(tokens.getRefreshToken()).isNotNull();
        JWTClaimsSet access = server.verifyAccessToken(tokens.getAccessToken().getValue());
        assertThat(access.getSubject()).isEqualTo(Directory.ALICE.id());
        assertThat(access.getStringClaim("aut")).isEqualTo("APPLICATION_USER");
        assertThat(access.getStringClaim("client_id")).isEqualTo(confidential.clientId());
        assertThat(access.getStringClaim("org_id")).isEqualTo(Directory.ROOT);
        assertThat(access.getStringClaim("org_name")).isEqualTo("Root organization");
        assertThat(access.getStringClaim("user_org")).isEqualTo(Directory.ROOT);
        assertThat(access.getClaim("act")).isNull();

        IDTokenValidator validator = new IDTokenValidator(server.issuer(), confidential.id(), JWSAlgorithm.RS256,
                server.metadata().getJWKSetURI().toURL());
        IDTokenClaimsSet id = validator.validate(response.getOIDCTokens().getIDToken(), flow.nonce);
        assertThat(id.getSubject().getValue()).isEqualTo(Directory.ALICE.id());
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.org");
        assertThat(id.getStringClaim("name")).isEqualTo("Alice Example");
        assertThat(id.getAuthenticationTime()).isNotNull();
        // token-service called org-/policy-service with a token it signed itself
        JWTClaimsSet service = server.verifyAccessToken(Stubs.lastAuthorization().substring("Bearer ".length()));
        assertThat(service.getStringClaim("scope")).isEqualTo("orgs:read policies:read");
        assertThat(service.getSubject()).isEqualTo("token-service");
    }

    @Test
    void publicClientUsesPkceWithoutASecret() throws Exception {
        TestClients.Registered publicClient = TestClients.publicClient().loginFlow().scopes("openid", "orgs:read")
                .create();
        CodeFlow flow = new CodeFlow(server, publicClient, "openid orgs:read");

        OIDCTokenResponse response = flow.tokens(Directory.ALICE.username(), Directory.ALICE.password());

        assertThat(server.verifyAccessToken(response.getOIDCTokens().getAccessToken().getValue()).getSubject())
                .isEqualTo(Directory.ALICE.id());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);

        Response wrongPassword = BrowserLogin.login(flow.request(), "alice", "not-her-password");
        Response unknownUser = BrowserLogin.login(flow.request(), "mallory", "whatever");
        Response disabledUser = BrowserLogin.login(flow.request(), Directory.DORA.username(),
                Directory.DORA.password());

        for (Response answer : new Response[] { wrongPassword, unknownUser, disabledUser }) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.header("Location")).isNull();
            assertThat(answer.asString()).contains("The username or password is incorrect.")
                    .doesNotContain("not-her-password");
        }
        assertThat(message(wrongPassword)).isEqualTo(message(unknownUser)).isEqualTo(message(disabledUser));
    }

    @Test
    void orgServiceDownThenTheLoginPageSaysTryAgainLater() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        URI request = flow.request();
        BrowserLogin.open(request).then().statusCode(200);

        Stubs.down();
        Response answer = BrowserLogin.login(request, "alice", "alice-password");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.asString()).contains("Please try again later.");
        assertThat(answer.header("Location")).isNull();
    }

    @Test
    void orgServiceSilentThenTheLoginTimesOutAndSaysTryAgainLater() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        URI request = flow.request();

        Stubs.hang();
        Response answer = BrowserLogin.login(request, "alice", "alice-password");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.asString()).contains("Please try again later.");
    }

    @Test
    void unregisteredRedirectUriIsShownNeverRedirected() {
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid"), confidential.id(),
                URI.create("https://evil.example/callback"))
                .endpointURI(server.metadata().getAuthorizationEndpointURI()).state(new State())
                .nonce(new com.nimbusds.openid.connect.sdk.Nonce()).build().toURI();

        Response answer = BrowserLogin.open(request);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains("The redirect URI is not registered for this client.");
    }

    @Test
    void unknownClientIsShownNeverRedirected() {
        Response answer = BrowserLogin.open(URI.create(server.metadata().getAuthorizationEndpointURI()
                + "?response_type=code&client_id=nobody&redirect_uri=" + TestClients.REDIRECT_URI));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
    }

    @Test
    void publicClientWithoutPkceIsSentBackInvalidRequest() throws Exception {
        TestClients.Registered publicClient = TestClients.publicClient().loginFlow().scopes("openid").create();
        State state = new State();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid"), publicClient.id(),
                URI.create(TestClients.REDIRECT_URI)).endpointURI(server.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(new com.nimbusds.openid.connect.sdk.Nonce()).build().toURI();

        AuthorizationErrorResponse error = redirectedError(request);

        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(error.getState()).isEqualTo(state);
    }

    @Test
    void plainPkceUnsupportedResponseTypeBadScopeAndPromptNoneAreSentBack() throws Exception {
        String base = server.metadata().getAuthorizationEndpointURI() + "?client_id=" + confidential.clientId()
                + "&redirect_uri=" + TestClients.REDIRECT_URI + "&state=s1";
        assertThat(redirectedError(URI.create(base + "&response_type=code&code_challenge="
                + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain"))
                .getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(redirectedError(URI.create(base + "&response_type=token")).getErrorObject().getCode())
                .isEqualTo("unsupported_response_type");
        assertThat(redirectedError(URI.create(base + "&response_type=code&scope=clients:write")).getErrorObject()
                .getCode()).isEqualTo("invalid_scope");
        assertThat(redirectedError(URI.create(base + "&response_type=code&scope=openid&prompt=none"))
                .getErrorObject().getCode()).isEqualTo("login_required");
        assertThat(redirectedError(URI.create(base + "&response_type=code&scope=openid&scope=email"))
                .getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void pkceMismatchThenInvalidGrant() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        AuthorizationCode code = flow.login("alice", "alice-password");

        HTTPResponse response = flow.redeem(code, new CodeVerifier());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void missingVerifierThenInvalidGrant() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        AuthorizationCode code = flow.login("alice", "alice-password");

        assertThat(AuthorizationServer.error(flow.redeem(code, null)).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void replayedCodeThenInvalidGrantAndTheFirstTokensAreRevoked() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        AuthorizationCode code = flow.login("alice", "alice-password");
        Tokens first = AuthorizationServer.tokens(flow.redeem(code, flow.verifier)).getOIDCTokens();

        HTTPResponse replay = flow.redeem(code, flow.verifier);

        assertThat(AuthorizationServer.error(replay).getCode()).isEqualTo("invalid_grant");
        assertThat(active(first.getAccessToken().getValue())).isFalse();
        assertThat(active(first.getRefreshToken().getValue())).isFalse();
    }

    @Test
    void expiredCodeThenInvalidGrant() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        AuthorizationCode code = flow.login("alice", "alice-password");
        pool.preparedQuery("update authorization_code set expires_at = now() - interval '1 second' where client_id = $1")
                .execute(Tuple.of(confidential.clientId())).await().indefinitely();

        assertThat(AuthorizationServer.error(flow.redeem(code, flow.verifier)).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void codeOfAnotherClientThenInvalidGrant() {
        CodeFlow flow = new CodeFlow(server, confidential, SCOPE);
        AuthorizationCode code = flow.login("alice", "alice-password");
        TestClients.Registered other = TestClients.confidential().loginFlow().scopes("openid").create();

        HTTPResponse response = new CodeFlow(server, other, "openid").redeem(code, flow.verifier);

        assertThat(AuthorizationServer.error(response).getCode()).isEqualTo("invalid_grant");
    }

    private boolean active(String token) {
        return io.restassured.RestAssured.given().auth().preemptive().basic(confidential.clientId(), confidential.secret())
                .formParam("token", token).post("/oauth2/introspect").then().statusCode(200).extract()
                .path("active");
    }

    private static AuthorizationErrorResponse redirectedError(URI request) throws Exception {
        Response answer = BrowserLogin.open(request);
        assertThat(answer.statusCode()).isEqualTo(302);
        URI location = URI.create(answer.header("Location"));
        assertThat(location.toString()).startsWith(TestClients.REDIRECT_URI + "?");
        AuthorizationResponse response = AuthorizationResponse.parse(location);
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse();
    }

    private static String message(Response page) {
        return page.asString().replaceAll("(?s).*<p class=\"message\" role=\"alert\">([^<]*)</p>.*", "$1");
    }
}
