package io.actas.token.testing;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.nimbusds.jwt.SignedJWT;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every impersonation test starts from: the server resolved through discovery, the stubbed upstreams answering
 * with the default policy, and {@code impersonation.events} read back from the shared broker.
 */
public abstract class ImpersonationTestSupport {

    protected static ImpersonationEvents events;

    @TestHTTPResource
    protected URL url;

    protected AuthorizationServer server;

    @BeforeAll
    static void readEvents() {
        events = ImpersonationEvents.read();
    }

    @AfterAll
    static void stopReading() {
        events.close();
    }

    @BeforeEach
    void discoverWithDefaultUpstreams() {
        Stubs.up();
        Stubs.resetPolicy();
        server = AuthorizationServer.discover(url);
    }

    /** The user's own access token from a login through the client. */
    protected String accessToken(TestClients.Registered client, Directory.User user, String scope) {
        return Logins.of(server, client, scope).tokens(user).getOIDCTokens().getAccessToken().getValue();
    }

    /** {@code imp.sid} of an impersonated token. */
    protected static String sid(String token) throws Exception {
        return (String) SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("imp").get("sid");
    }
}
