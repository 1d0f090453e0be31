package io.actas.policy.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.actas.policy.PolicyConfig;
import io.actas.support.ProblemException;
import io.actas.support.ServiceTokens;
import io.smallrye.mutiny.Uni;

/**
 * Users as org-service knows them, fetched with this service's client_credentials token. Each call times out, is retried
 * on transient failures, and fails closed: when org-service cannot answer, the caller gets a 503 problem, never a guess.
 */
@ApplicationScoped
public class DirectoryClient {

    private static final Logger LOG = Logger.getLogger(DirectoryClient.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(1);

    private final OrgRestClient org;
    private final ServiceTokens serviceTokens;
    private final PolicyConfig config;

    public DirectoryClient(@RestClient OrgRestClient org, ServiceTokens serviceTokens, PolicyConfig config) {
        this.org = org;
        this.serviceTokens = serviceTokens;
        this.config = config;
    }

    /** The user, or empty when org-service says it does not exist. */
    public Uni<Optional<DirectoryUser>> user(String id) {
        return call(authorization -> org.user(authorization, id)).map(Optional::ofNullable)
                .onFailure(DirectoryClient::notFound).recoverWithItem(Optional.empty())
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(DirectoryClient::unavailable);
    }

    /** The organizations the user is a member of (resident or invited); empty when the user does not exist. */
    public Uni<List<Membership>> memberships(String id) {
        return call(authorization -> org.memberships(authorization, id))
                .onFailure(DirectoryClient::notFound).recoverWithItem(List.of())
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(DirectoryClient::unavailable);
    }

    private <T> Uni<T> call(Function<String, Uni<T>> request) {
        return Uni.createFrom()
                .deferred(() -> serviceTokens.authorization().chain(authorization -> request.apply(authorization)))
                .ifNoItem().after(config.orgServiceTimeout()).fail()
                .onFailure(DirectoryClient::unauthorized).invoke(serviceTokens::invalidate)
                .onFailure(DirectoryClient::transientFailure).retry()
                .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).atMost(config.orgServiceRetries());
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private static boolean unauthorized(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 401;
    }

    /** Worth another try: anything but a 4xx answer, and a 401 once the cached service token was dropped. */
    private static boolean transientFailure(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status >= 500 || status == 401 || status == 429;
        }
        return true; // timeouts, refused or reset connections, a token endpoint that does not answer
    }

    private static Throwable unavailable(Throwable failure) {
        LOG.warnf("org-service did not answer (%s); failing closed", failure.getClass().getSimpleName());
        return new ProblemException(503, "about:blank", "Service Unavailable",
                "The directory (org-service) could not be reached; no decision can be made. Retry later.");
    }
}
