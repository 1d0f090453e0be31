package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.actas.events.Act;
import io.actas.token.issue.Imp;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;

/** Sends {@code grant_type=organization_switch} requests, and mints the tokens they start from. */
public final class OrgSwitches {

    private final AuthorizationServer server;
    private final TestClients.Registered client;

    public OrgSwitches(AuthorizationServer server, TestClients.Registered client) {
        this.server = server;
        this.client = client;
    }

    /** The raw answer of the token endpoint (client_secret_basic). {@code scope} may be null. */
    public Response send(String token, String organizationId, String scope) {
        var request = given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "organization_switch")
                .formParam("token", token)
                .formParam("switching_organization", organizationId);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.post(server.metadata().getTokenEndpointURI());
    }

    /** The access token of a successful switch (fails the test otherwise). */
    public String switched(String token, String organizationId, String scope) {
        Response response = send(token, organizationId, scope);
        if (response.statusCode() != 200) {
            throw new AssertionError("Switch failed: " + response.statusCode() + " " + response.asString());
        }
        return response.path("access_token");
    }

    /**
     * An impersonated access token of {@code client} for {@code organizationId}, signed through the service's own
     * {@link TokenIssuer} (what token exchange issues): {@code sub} = the subject, {@code act.sub} = the actor.
     */
    public static String impersonated(TokenIssuer issuer, String clientId, Directory.User actor, Directory.User subject,
            String organizationId, String sessionId, String reason, List<String> scopes, Duration lifetime) {
        UserClaims claims = new UserClaims(subject.id(), subject.username(), subject.email(), subject.displayName(),
                subject.organizationId(), organizationId, null);
        TokenSpec spec = TokenSpec.forUser(clientId, claims, new LinkedHashSet<>(scopes), lifetime, null, null, null)
                .impersonated(new Act(actor.id(), issuer.issuer(), null), new Imp(sessionId, reason), lifetime);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> issuer.accessToken(spec)).jwt();
        } catch (Throwable e) {
            throw new IllegalStateException("Could not mint the impersonated token", e);
        }
    }

    /** A session id for a minted impersonated token. */
    public static String sessionId() {
        return UUID.randomUUID().toString();
    }
}
