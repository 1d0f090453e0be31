package io.actas.notification.org;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.actas.notification.CallerContext;
import io.actas.notification.NotificationConfig;
import io.actas.support.ProblemException;
import io.actas.support.ServiceTokens;
import io.smallrye.mutiny.Uni;

/**
 * Reads users and organizations from org-service with this service's client_credentials token. Each attempt times out;
 * a call retries twice (a 401 first drops the cached token), answers {@code Optional.empty()} for a 404 and otherwise fails
 * with
 * {@link OrgServiceUnavailableException}: callers fail closed and try again later.
 */
@ApplicationScoped
public class OrgClient {

    private static final int RETRIES = 2;
    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(200);

    private final OrgRestClient rest;
    private final ServiceTokens tokens;
    private final Duration timeout;

    public OrgClient(@RestClient OrgRestClient rest, ServiceTokens tokens, NotificationConfig config) {
        this.rest = rest;
        this.tokens = tokens;
        this.timeout = config.orgTimeout();
    }

    public Uni<Optional<OrgUser>> user(String id) {
        return call("user", id, rest::user);
    }

    public Uni<Optional<Organization>> organization(String id) {
        return call("organization", id, rest::organization);
    }

    /**
     * The organization a REST request names: 404 problem when org-service does not know it, 503 when org-service cannot
     * say.
     */
    public Uni<Organization> require(String id) {
        return organization(id)
                .onFailure(OrgServiceUnavailableException.class).transform(failure -> new ProblemException(
                        Response.Status.SERVICE_UNAVAILABLE, "The organization directory is not reachable; try again later."))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Organization", id)));
    }

    private <T> Uni<Optional<T>> call(String what, String id, BiFunction<String, String, Uni<T>> request) {
        return CallerContext
                .resumeOnCaller(() -> tokens.authorization().chain(authorization -> request.apply(authorization, id))
                        .ifNoItem().after(timeout).fail()
                        .onFailure(OrgClient::unauthorized).invoke(tokens::invalidate)
                        .onFailure(failure -> !notFound(failure)).retry().withBackOff(FIRST_RETRY_WAIT).atMost(RETRIES))
                .map(Optional::ofNullable)
                .onFailure(OrgClient::notFound).recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> new OrgServiceUnavailableException(
                        "org-service could not return " + what + " " + id + " (" + describe(failure) + ")"));
    }

    private static boolean notFound(Throwable failure) {
        return status(failure) == 404;
    }

    private static boolean unauthorized(Throwable failure) {
        return status(failure) == 401;
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null ? web.getResponse().getStatus()
                : -1;
    }

    private static String describe(Throwable failure) {
        int status = status(failure);
        if (status > 0) {
            return "HTTP " + status;
        }
        return failure instanceof io.smallrye.mutiny.TimeoutException ? "timed out" : failure.getClass().getSimpleName();
    }
}
