package io.actas.policy.role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.RoleAssignmentRemoved;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Announces removed role assignments on {@code directory.events} (key = user id), after the removal committed, so that
 * token-service can end the live sessions of an actor who lost the right to impersonate.
 */
@ApplicationScoped
public class RoleAssignmentProducer {

    static final String SOURCE = "/actas/policy-service";
    private static final Logger LOG = Logger.getLogger(RoleAssignmentProducer.class);

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;

    public RoleAssignmentProducer(@Channel("directory-events") Emitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public void removed(List<RoleAssignmentRemoved> removals) {
        removals.forEach(this::removed);
    }

    private void removed(RoleAssignmentRemoved removal) {
        String type = EventTypes.ROLE_ASSIGNMENT_REMOVED;
        CloudEvent<RoleAssignmentRemoved> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                SOURCE, type, removal.userId(), Instant.now(), CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type,
                removal);
        try {
            Message<String> message = Message.of(mapper.writeValueAsString(event))
                    .withNack(failure -> {
                        LOG.errorf("Kafka refused %s %s for user %s: %s", type, event.id(), removal.userId(),
                                failure.getMessage());
                        return CompletableFuture.completedFuture(null);
                    })
                    .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(removal.userId()).build());
            emitter.send(message);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("Could not emit %s for user %s: %s", type, removal.userId(), e.getMessage());
        }
    }
}
