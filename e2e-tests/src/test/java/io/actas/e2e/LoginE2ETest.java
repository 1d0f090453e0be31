package io.actas.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.restassured.http.ContentType;

/**
 * A person logs in through the real token-service, whose login form checks the password with the real org-service; a
 * resource server that knows only the issuer URL validates the access token through discovery and the JWKS.
 */
class LoginE2ETest {

    static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
    static final String PASSWORD = "e2e-login-password";
    static String admin;
    static String userId;
    static String username;
    static ClientID clientId;
    static Secret clientSecret;

    @BeforeAll
    static void userAndClient() {
        admin = Suite.adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rootId = given().baseUri(Suite.ORG).auth().oauth2(admin).get("/api/v1/organizations?handle=root").then()
                .statusCode(200).extract().path("items[0].id");
        username = "login-" + suffix;
        userId = given().baseUri(Suite.ORG).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@e2e.example", "displayName", "Login " + suffix,
                        "organizationId", rootId, "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        clientId = new ClientID("e2e-login-" + suffix);
        clientSecret = new Secret(given().baseUri(Suite.TOKEN).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId.getValue(), "name", "E2E login", "type", "confidential", "redirectUris",
                        List.of(REDIRECT.toString()), "grantTypes", List.of("authorization_code", "refresh_token"), "scopes",
                        List.of("openid", "profile", "email")))
                .post("/api/v1/clients").then().statusCode(201).extract().<String> path("clientSecret"));
    }

    @Test
    void personLogsInWithAuthorizationCodeAndPkceAndAnyResourceServerValidatesTheToken() throws Exception {
        var metadata = Suite.metadata();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest authorize = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid profile"),
                clientId, REDIRECT).state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(metadata.getAuthorizationEndpointURI()).build();

        URI redirect = submitLoginForm(authorize.toURI(), username, PASSWORD);
        AuthorizationResponse response = AuthorizationResponse.parse(redirect);
        assertTrue(response.indicatesSuccess(), () -> "login failed: " + redirect);
        assertEquals(state, response.getState());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        TokenResponse tokens = OIDCTokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, clientSecret), new AuthorizationCodeGrant(code, REDIRECT, verifier))
                .toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();

        JWTClaimsSet access = resourceServerValidates(oidc.getOIDCTokens().getAccessToken().getValue());
        assertEquals(userId, access.getSubject());
        assertEquals(clientId.getValue(), access.getStringClaim("client_id"));
        assertEquals("APPLICATION_USER", access.getStringClaim("aut"));
        assertTrue(access.getStringClaim("scope").contains("openid"));

        IDTokenValidator idValidator = new IDTokenValidator(new Issuer(Suite.ISSUER), clientId, JWSAlgorithm.RS256,
                metadata.getJWKSetURI().toURL());
        assertEquals(userId, idValidator.validate(oidc.getOIDCTokens().getIDToken(), nonce).getSubject().getValue());

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(metadata.getUserInfoEndpointURI(),
                (BearerAccessToken) oidc.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess());
        assertEquals(userId, userInfo.toSuccessResponse().getUserInfo().getSubject().getValue());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameLoginAnswer() throws Exception {
        AuthenticationRequest authorize = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid"),
                clientId, REDIRECT).state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .endpointURI(Suite.metadata().getAuthorizationEndpointURI()).build();
        HttpResponse<String> wrongPassword = postLoginForm(authorize.toURI(), username, "not-the-password");
        HttpResponse<String> unknownUser = postLoginForm(authorize.toURI(), "nobody-" + UUID.randomUUID(), "whatever-1");
        assertEquals(wrongPassword.statusCode(), unknownUser.statusCode());
        assertFalse(wrongPassword.headers().firstValue("Location").isPresent(), "a failed login must not redirect");
        assertEquals(errorText(wrongPassword.body()), errorText(unknownUser.body()));
    }

    /** What a resource server does with nothing but the issuer: discovery, JWKS, typ at+jwt, iss, exp. */
    static JWTClaimsSet resourceServerValidates(String jwt) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(Suite.metadata().getJWKSetURI().toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(Suite.ISSUER).build(), java.util.Set.of("sub", "exp", "iat", "jti")));
        return processor.process(jwt, null);
    }

    static URI submitLoginForm(URI authorizeUri, String user, String password) throws Exception {
        HttpResponse<String> answer = postLoginForm(authorizeUri, user, password);
        assertEquals(302, answer.statusCode(), () -> "login form answered " + answer.statusCode());
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    static HttpResponse<String> postLoginForm(URI authorizeUri, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(authorizeUri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(page);
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.put("username", user);
        form.put("password", password);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = URI.create(Suite.TOKEN + "/oauth2/authorize");
        return http.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorText(String html) {
        Matcher error = Pattern.compile("role=\"alert\">([^<]*)<").matcher(html);
        assertTrue(error.find(), "the login page shows no message");
        return error.group(1).trim();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
