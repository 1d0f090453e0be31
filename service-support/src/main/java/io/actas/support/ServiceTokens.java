package io.actas.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * A client_credentials access token for calls from this service to another, obtained from token-service and reused until
 * shortly before it expires. Configure {@code actas.service-client.id}, {@code actas.service-client.secret} and
 * {@code quarkus.rest-client.token-endpoint.url}.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final TokenEndpointClient tokenEndpoint;
    private final String basicCredentials;
    private final String scope;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public ServiceTokens(@RestClient TokenEndpointClient tokenEndpoint,
            @ConfigProperty(name = "actas.service-client.id") String clientId,
            @ConfigProperty(name = "actas.service-client.secret") String clientSecret,
            @ConfigProperty(name = "actas.service-client.scope") Optional<String> scope) {
        this.tokenEndpoint = tokenEndpoint;
        this.basicCredentials = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        // an empty defaultValue counts as missing in SmallRye Config, so the scope is optional instead
        this.scope = scope.orElse("");
    }

    /** The {@code Authorization} header value for a call to another ActAs service. */
    public Uni<String> authorization() {
        Cached current = cached.get();
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.header());
        }
        return tokenEndpoint.clientCredentials(basicCredentials, "client_credentials", scope.isBlank() ? null : scope)
                .ifNoItem().after(TIMEOUT).fail()
                .map(response -> {
                    Cached fresh = new Cached("Bearer " + response.accessToken(),
                            Instant.now().plusSeconds(Math.max(0, response.expiresIn())).minus(EARLY_RENEWAL));
                    cached.set(fresh);
                    return fresh.header();
                });
    }

    /** Forget the cached token, e.g. after a 401 from the other service. */
    public void invalidate() {
        cached.set(null);
    }

    private record Cached(String header, Instant renewAt) {
    }
}
