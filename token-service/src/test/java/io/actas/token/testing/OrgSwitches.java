package io.actas.token.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

import io.actas.token.client.ClientService;
import io.actas.token.impersonation.ActChain;
import io.actas.token.impersonation.Flows;
import io.actas.token.impersonation.Impersonation;
import io.actas.token.impersonation.ImpersonationService;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenSpec;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

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

    /** The answer every refused switch gets: vague, the same for every check (DESIGN §3). */
    public static void assertDenied(Response response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.<String> path("error")).isEqualTo("access_denied");
        assertThat(response.<String> path("error_description")).isEqualTo("The organization switch is not allowed.");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    /** A user's own access token of {@code clientId} for {@code organizationId}, signed by the service's issuer. */
    public static String userToken(TokenIssuer issuer, String clientId, Directory.User user, String organizationId,
            List<String> scopes, Duration lifetime) {
        TokenSpec spec = TokenSpec.forUser(clientId, claims(user, organizationId), new LinkedHashSet<>(scopes), lifetime,
                null, null, null);
        return await(() -> issuer.accessToken(spec)).jwt();
    }

    /**
     * An impersonated access token with a live session, issued through the service's own {@link ImpersonationService}
     * without asking the policy — for the combinations token exchange refuses, to show the switch refuses them too.
     */
    public static String impersonated(ImpersonationService impersonation, ClientService clients, TokenIssuer issuer,
            String clientId, Directory.User actor, Directory.User subject, String organizationId, List<String> scopes) {
        return await(() -> clients.lookup(clientId).flatMap(client -> impersonation.issue(new Impersonation(client,
                GrantTypes.TOKEN_EXCHANGE, Flows.TOKEN_EXCHANGE, ActChain.of(actor.id(), issuer.issuer()),
                claims(subject, organizationId), new LinkedHashSet<>(scopes), null, "test-minted", false,
                Duration.ofMinutes(10), null, null, null, null)))).accessToken();
    }

    private static UserClaims claims(Directory.User user, String organizationId) {
        return new UserClaims(user.id(), user.username(), user.email(), user.displayName(), user.organizationId(),
                organizationId, null);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("Could not mint the token", e);
        }
    }
}
