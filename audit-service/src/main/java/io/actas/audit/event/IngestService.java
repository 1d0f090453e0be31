package io.actas.audit.event;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.audit.chain.CanonicalJson;
import io.actas.audit.chain.ChainService;
import io.actas.audit.chain.NewEvent;
import io.actas.audit.chain.StoredEvent;
import io.actas.audit.chain.UnstorableEventException;
import io.actas.events.Act;
import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.ResourceEvent;
import io.actas.support.Caller;
import io.actas.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The ingest API: turns an application's report into an {@code io.actas.resource.*} CloudEvent, stores it in the chain
 * and queues its copy for {@code audit.events} in the same transaction, then publishes it. Repeating a request with the
 * same {@code id} stores nothing new; a different event under a used id is a conflict.
 */
@ApplicationScoped
public class IngestService {

    /** How far ahead of this server's clock a reported time may be. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final String SOURCE_PREFIX = "/actas/clients/";

    private final Pool pool;
    private final ChainService chain;
    private final AuditEventRepository events;
    private final PublishQueueRepository queue;
    private final AuditEventPublisher publisher;
    private final ObjectMapper mapper;

    public IngestService(Pool pool, ChainService chain, AuditEventRepository events, PublishQueueRepository queue,
            AuditEventPublisher publisher, ObjectMapper mapper) {
        this.pool = pool;
        this.chain = chain;
        this.events = events;
        this.queue = queue;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    /**
     * @param created {@code false} when the same event was stored before under this id
     */
    public record Ingested(AuditEventView event, boolean created) {
    }

    public Uni<Ingested> ingest(IngestRequest request, Caller caller) {
        String reporter = caller.clientId() != null ? caller.clientId() : caller.subject();
        CloudEvent<ResourceEvent> cloudEvent = cloudEvent(request, reporter);
        String payload = json(cloudEvent);
        NewEvent event = newEvent(payload, reporter);
        PublishQueueRepository.Queued queued = new PublishQueueRepository.Queued(cloudEvent.id(), request.sub(), payload);
        return pool.withTransaction(conn -> chain.append(conn, List.of(event)).chain(result -> result.appended().isEmpty()
                ? events.findById(conn, event.id()).map(existing -> existing(existing, event))
                : queue.enqueue(conn, queued).replaceWith(new Ingested(AuditEventView.of(result.appended().getFirst()), true))))
                .call(ingested -> ingested.created() ? publisher.publish(queued) : Uni.createFrom().voidItem());
    }

    private CloudEvent<ResourceEvent> cloudEvent(IngestRequest request, String reporter) {
        Instant now = Instant.now();
        Instant time = request.time() == null ? now : request.time().toInstant();
        if (time.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw ProblemException.badRequest("time is more than 5 minutes ahead of this server's clock.");
        }
        String type = switch (request.method()) {
            case "POST" -> EventTypes.RESOURCE_CREATED;
            case "DELETE" -> EventTypes.RESOURCE_DELETED;
            default -> EventTypes.RESOURCE_MODIFIED;
        };
        ResourceEvent data = new ResourceEvent(reporter, request.resource().type(), request.resource().id(),
                request.organizationId(), request.method(), request.path(), request.status(), request.outcome(),
                request.sub(), request.clientId() != null ? request.clientId() : reporter, act(request.act(), 1),
                request.imp().sid());
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, id, SOURCE_PREFIX + reporter, type, request.sub(), time,
                CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, data);
    }

    private static Act act(IngestRequest.Act act, int depth) {
        if (act == null) {
            return null;
        }
        if (depth > Caller.MAX_ACT_DEPTH) {
            throw ProblemException.badRequest("act is nested deeper than " + Caller.MAX_ACT_DEPTH + " actors.");
        }
        return new Act(act.sub(), act.iss(), act(act.act(), depth + 1));
    }

    private String json(CloudEvent<ResourceEvent> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException("an ingest event could not be written as JSON", e);
        }
    }

    private static NewEvent newEvent(String payload, String reporter) {
        try {
            return NewEvent.of(CanonicalJson.parse(payload), "api:" + reporter, Instant.now());
        } catch (UnstorableEventException e) {
            throw ProblemException.badRequest("The event cannot be stored: " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new IllegalStateException("an ingest event could not be read back", e);
        }
    }

    /** Same id again: the same event (time aside) is a harmless retry, anything else is a conflict. */
    private static Ingested existing(StoredEvent stored, NewEvent event) {
        if (stored == null || !sameReport(stored.event(), event.canonicalEvent())) {
            throw ProblemException.conflict("An event with id " + event.id() + " is already stored with other content.");
        }
        return new Ingested(AuditEventView.of(stored), false);
    }

    private static boolean sameReport(String storedJson, String newJson) {
        try {
            JsonNode stored = CanonicalJson.parse(storedJson);
            JsonNode fresh = CanonicalJson.parse(newJson);
            return stored.path("type").equals(fresh.path("type")) && stored.path("source").equals(fresh.path("source"))
                    && stored.path("data").equals(fresh.path("data"));
        } catch (IOException e) {
            return false;
        }
    }
}
