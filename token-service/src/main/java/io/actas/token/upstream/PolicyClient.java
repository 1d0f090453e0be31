package io.actas.token.upstream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.mutiny.Uni;

/** policy-service: what a user may be granted; fails closed ({@link UpstreamCalls}). */
@ApplicationScoped
public class PolicyClient {

    static final String SERVICE = "policy-service";

    private final PolicyRestClient rest;
    private final UpstreamCalls calls;

    public PolicyClient(@RestClient PolicyRestClient rest, UpstreamCalls calls) {
        this.rest = rest;
        this.calls = calls;
    }

    /** The scopes the user holds for the client in the organization (none when policy-service knows nothing). */
    public Uni<Set<String>> effectiveScopes(String userId, String clientId, String organizationId) {
        return calls.call(SERVICE, authorization -> rest.effective(authorization, userId, clientId, organizationId))
                .map(answer -> answer.map(permissions -> permissions.scopes() == null ? Set.<String> of()
                        : new LinkedHashSet<>(permissions.scopes())).orElse(Set.of()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EffectivePermissions(String userId, String clientId, String organizationId, List<String> scopes) {
    }
}
