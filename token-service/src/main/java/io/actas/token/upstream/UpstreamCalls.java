package io.actas.token.upstream;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import io.actas.token.config.TokenConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * How token-service calls org-service and policy-service: with its own service token, a short time limit, one retry on
 * a timeout or server error, and failing closed ({@link UpstreamUnavailableException}) otherwise. A 404 is an answer
 * (empty), not an outage.
 */
@ApplicationScoped
public class UpstreamCalls {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);

    private final ServiceToken serviceToken;
    private final Duration timeout;

    public UpstreamCalls(ServiceToken serviceToken, TokenConfig config) {
        this.serviceToken = serviceToken;
        this.timeout = config.upstream().timeout();
    }

    /** Calls {@code service} with the service token; a 404 yields empty. */
    public <T> Uni<Optional<T>> call(String service, Function<String, Uni<T>> request) {
        return serviceToken.authorization()
                .flatMap(authorization -> Uni.createFrom().deferred(() -> request.apply(authorization))
                        .ifNoItem().after(timeout).fail()
                        .onFailure(UpstreamCalls::retryable).retry().atMost(1))
                .map(Optional::ofNullable)
                .onFailure(UpstreamCalls::notFound).recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> {
                    LOG.warnf("%s call failed: %s", service, describe(failure));
                    if (status(failure) == 401) {
                        serviceToken.invalidate();
                    }
                    return new UpstreamUnavailableException(service, failure);
                });
    }

    private static boolean retryable(Throwable failure) {
        int status = status(failure);
        return failure instanceof TimeoutException || status < 0 || status >= 500;
    }

    private static boolean notFound(Throwable failure) {
        return status(failure) == 404;
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web ? web.getResponse().getStatus() : -1;
    }

    private static String describe(Throwable failure) {
        int status = status(failure);
        return status > 0 ? "HTTP " + status : failure.getClass().getSimpleName();
    }
}
