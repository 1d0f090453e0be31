package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import io.restassured.response.Response;

/**
 * A person signing in through the authorization code flow (PKCE S256) of a registered client, as a browser and an
 * unmodified client library do it — including the Curity flow's "act as (optional)" page.
 */
public final class Logins {

    private final AuthorizationServer server;
    private final TestClients.Registered client;
    private final CodeVerifier verifier = new CodeVerifier();
    private final URI request;

    private Logins(AuthorizationServer server, TestClients.Registered client, Scope scope) {
        this.server = server;
        this.client = client;
        this.request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client.id())
                .endpointURI(server.metadata().getAuthorizationEndpointURI())
                .redirectionURI(URI.create(TestClients.REDIRECT_URI))
                .scope(scope)
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    public static Logins of(AuthorizationServer server, TestClients.Registered client, String scope) {
        return new Logins(server, client, Scope.parse(scope));
    }

    /** Signs the user in and redeems the code: their own tokens. */
    public OIDCTokenResponse tokens(Directory.User user) {
        return redeem(BrowserLogin.loginAndFollow(request, user.username(), user.password()));
    }

    /** Signs the user in and returns the answer to the login form (a redirect, or the "act as" page). */
    public Response signIn(Directory.User user) {
        return BrowserLogin.login(request, user.username(), user.password());
    }

    /** Answers the "act as (optional)" page shown after {@link #signIn}; {@code actAs} may be empty. */
    public Response actAs(Response promptPage, String actAs, String reason) {
        Map<String, String> form = BrowserLogin.hiddenFields(promptPage.asString());
        form.put("act_as", actAs);
        if (reason != null) {
            form.put("reason", reason);
        }
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post(request.resolve("/oauth2/authorize"));
    }

    /** Redeems the code of a successful login's redirect. */
    public OIDCTokenResponse redeem(URI redirect) {
        String code = URLUtils.parseParameters(redirect.getRawQuery()).get("code").get(0);
        TokenRequest token = new TokenRequest(server.metadata().getTokenEndpointURI(), client.basic(),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(TestClients.REDIRECT_URI), verifier));
        return AuthorizationServer.tokens(AuthorizationServer.send(token));
    }

    /** {@link #redeem} of a redirect answer. */
    public OIDCTokenResponse redeem(Response redirect) {
        if (redirect.statusCode() != 302) {
            throw new AssertionError("Expected a redirect, got " + redirect.statusCode() + " " + redirect.asString());
        }
        return redeem(URI.create(redirect.header("Location")));
    }
}
