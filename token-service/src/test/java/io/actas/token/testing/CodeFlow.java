package io.actas.token.testing;

import java.net.URI;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

/** One authorization code flow as an OIDC client library runs it: PKCE S256, state and nonce, through discovery. */
public final class CodeFlow {

    public final AuthorizationServer server;
    public final TestClients.Registered client;
    public final CodeVerifier verifier = new CodeVerifier();
    public final State state = new State();
    public final Nonce nonce = new Nonce();
    public final Scope scope;

    public CodeFlow(AuthorizationServer server, TestClients.Registered client, String scope) {
        this.server = server;
        this.client = client;
        this.scope = Scope.parse(scope);
    }

    /** The authorization request URI (with PKCE): an OIDC authentication request when openid is asked for. */
    public URI request() {
        if (!scope.contains("openid")) {
            return new AuthorizationRequest.Builder(ResponseType.CODE, client.id())
                    .scope(scope)
                    .redirectionURI(URI.create(TestClients.REDIRECT_URI))
                    .endpointURI(server.metadata().getAuthorizationEndpointURI())
                    .state(state)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build().toURI();
        }
        return new AuthenticationRequest.Builder(ResponseType.CODE, scope, client.id(),
                URI.create(TestClients.REDIRECT_URI))
                .endpointURI(server.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** Logs in on the login page and returns the code the redirect carries (state and issuer checked). */
    public AuthorizationCode login(String username, String password) {
        URI redirect = BrowserLogin.loginAndFollow(request(), username, password);
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(redirect);
            if (!response.indicatesSuccess()) {
                throw new AssertionError("Authorization failed: " + redirect);
            }
            if (!state.equals(response.getState()) || !server.issuer().equals(response.getIssuer())) {
                throw new AssertionError("state or iss of the response do not match: " + redirect);
            }
            return response.toSuccessResponse().getAuthorizationCode();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("Not an authorization response: " + redirect, e);
        }
    }

    /** Redeems the code (client_secret_basic for confidential clients, client_id only for public ones). */
    public HTTPResponse redeem(AuthorizationCode code, CodeVerifier codeVerifier) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, URI.create(TestClients.REDIRECT_URI),
                codeVerifier);
        return client.secret() == null ? server.send(client.id(), grant) : server.send(client.basic(), grant, null);
    }

    /** Login and redemption, returning the tokens. */
    public OIDCTokenResponse tokens(String username, String password) {
        return AuthorizationServer.tokens(redeem(login(username, password), verifier));
    }
}
