package io.actas.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.ResourceEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Emits {@code io.actas.resource.created|modified|deleted} on {@code audit.events} for every mutating request to
 * {@code /api/}, after the resource method has returned (so after its transaction committed), with {@code act} and
 * {@code imp.sid} when the caller's token was impersonated. Failed requests are recorded too, with outcome
 * {@code failure}; requests refused before authentication (401) are not resource changes and are skipped, and so are paths
 * listed in {@code actas.resource-audit.skip-paths} (prefixes; audit-service lists its ingest API, whose requests already
 * are audit events).
 */
@ApplicationScoped
public class ResourceAuditFilter {

    private static final Logger LOG = Logger.getLogger(ResourceAuditFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final String service;
    private final CurrentIdentityAssociation identity;
    private final List<String> skipPaths;

    public ResourceAuditFilter(@Channel("audit-events") Emitter<String> emitter, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.name") String service, CurrentIdentityAssociation identity,
            @ConfigProperty(name = "actas.resource-audit.skip-paths") Optional<List<String>> skipPaths) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.service = service;
        this.identity = identity;
        this.skipPaths = skipPaths.orElse(List.of());
    }

    @ServerResponseFilter
    public Uni<Void> afterMutation(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!MUTATING.contains(method) || !path.startsWith("/api/") || response.getStatus() == 401
                || skipPaths.stream().anyMatch(path::startsWith)) {
            return Uni.createFrom().voidItem();
        }
        // the deferred identity: with lazy authentication the blocking JsonWebToken bean cannot be read on the IO
        // thread when the resource did not resolve the identity itself (e.g. a POST without a body)
        return identity.getDeferredIdentity()
                .map(current -> current.getPrincipal() instanceof JsonWebToken jwt ? Caller.of(jwt) : Caller.ANONYMOUS)
                .onFailure().recoverWithItem(Caller.ANONYMOUS)
                .invoke(caller -> audit(response, caller, method, path))
                .replaceWithVoid();
    }

    private void audit(ContainerResponseContext response, Caller caller, String method, String path) {
        List<String> segments = List.of(path.substring(1).split("/"));
        String resourceType = segments.size() > 2 ? segments.get(2) : "unknown";
        String resourceId = resourceId(segments, response);
        int status = response.getStatus();
        String type = switch (method) {
            case "POST" -> EventTypes.RESOURCE_CREATED;
            case "DELETE" -> EventTypes.RESOURCE_DELETED;
            default -> EventTypes.RESOURCE_MODIFIED;
        };
        ResourceEvent data = new ResourceEvent(service, resourceType, resourceId, caller.organizationId(), method, path,
                status, status < 400 ? ResourceEvent.SUCCESS : ResourceEvent.FAILURE, caller.subject(), caller.clientId(),
                caller.act(), caller.sessionId());
        String key = caller.subject() == null ? resourceId : caller.subject();
        send(type, key, data);
    }

    private void send(String type, String key, ResourceEvent data) {
        CloudEvent<ResourceEvent> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/actas/" + service, type, data.principal(), Instant.now(), CloudEvent.DATA_CONTENT_TYPE,
                CloudEvent.SCHEMA_PREFIX + type, data);
        try {
            String json = mapper.writeValueAsString(event);
            emitter.send(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(key).build()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Could not emit %s for %s %s: %s", type, data.method(), data.path(), e.getMessage());
        }
    }

    private static String resourceId(List<String> segments, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst("Location");
        if (location != null) {
            String value = location.toString();
            return value.substring(value.lastIndexOf('/') + 1);
        }
        return segments.size() > 3 ? segments.get(3) : null;
    }
}
