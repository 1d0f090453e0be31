package io.actas.token.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.EventTypes;
import io.actas.events.RoleAssignmentRemoved;
import io.actas.events.SessionEnded;
import io.actas.events.UserStatusChanged;
import io.actas.token.session.ImpersonationSessionService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Ends live impersonation sessions when {@code directory.events} says the actor lost a role carrying an impersonation
 * permission ({@code actor_demoted}) or a user was disabled or locked ({@code subject_disabled} for the sessions
 * impersonating them, {@code actor_demoted} for the sessions they act in). Idempotent on the event id: the id is recorded
 * in the transaction that ends the sessions. Only sessions started before the event are ended, so a replayed old event
 * never ends a newer session.
 */
@ApplicationScoped
public class DirectoryEventConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryEventConsumer.class);

    /** Role permissions whose loss ends the actor's sessions (DESIGN §4). */
    static final Set<String> IMPERSONATION_PERMISSIONS = Set.of("impersonation", "org_impersonation");
    /** User statuses that end sessions. */
    static final Set<String> ENDING_STATUSES = Set.of("disabled", "locked");

    private final ProcessedEventRepository processed;
    private final ImpersonationSessionService sessions;
    private final ObjectMapper mapper;

    public DirectoryEventConsumer(ProcessedEventRepository processed, ImpersonationSessionService sessions,
            ObjectMapper mapper) {
        this.processed = processed;
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Incoming("directory-events")
    public Uni<Void> consume(String payload) {
        JsonNode event;
        try {
            event = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.warn("Skipping a directory.events record that is not JSON");
            return Uni.createFrom().voidItem();
        }
        String id = event.path("id").asText(null);
        String type = event.path("type").asText(null);
        if (id == null || !EventTypes.ROLE_ASSIGNMENT_REMOVED.equals(type) && !EventTypes.USER_STATUS_CHANGED.equals(type)) {
            return Uni.createFrom().voidItem();
        }
        Instant time = time(event);
        return Panache.withTransaction(() -> processed.findById(id).flatMap(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            ProcessedEvent record = new ProcessedEvent();
            record.eventId = id;
            record.eventType = type;
            record.processedAt = Instant.now();
            return processed.persist(record).flatMap(saved -> apply(type, event.path("data"), time));
        }))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).atMost(5);
    }

    private Uni<Void> apply(String type, JsonNode data, Instant time) {
        try {
            if (EventTypes.ROLE_ASSIGNMENT_REMOVED.equals(type)) {
                RoleAssignmentRemoved removed = mapper.treeToValue(data, RoleAssignmentRemoved.class);
                boolean carriedImpersonation = removed.permissions() != null
                        && removed.permissions().stream().anyMatch(IMPERSONATION_PERMISSIONS::contains);
                return carriedImpersonation && removed.userId() != null
                        ? sessions.endAsActor(removed.userId(), time, SessionEnded.ACTOR_DEMOTED).replaceWithVoid()
                        : Uni.createFrom().voidItem();
            }
            UserStatusChanged changed = mapper.treeToValue(data, UserStatusChanged.class);
            if (changed.userId() == null || !ENDING_STATUSES.contains(changed.status())) {
                return Uni.createFrom().voidItem();
            }
            return sessions.endAsSubject(changed.userId(), time, SessionEnded.SUBJECT_DISABLED)
                    .flatMap(ignored -> sessions.endAsActor(changed.userId(), time, SessionEnded.ACTOR_DEMOTED))
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping %s with unreadable data", type);
            return Uni.createFrom().voidItem();
        }
    }

    /** The event's time; now when absent (then every session started so far counts). */
    private static Instant time(JsonNode event) {
        try {
            return Instant.parse(event.path("time").asText());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
