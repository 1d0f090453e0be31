package io.actas.org.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.UserStatusChanged;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes user status changes on {@code directory.events} (channel {@code directory-events}) so token-service can
 * end the sessions of a disabled or locked user. Called after the change committed; key = user id.
 */
@ApplicationScoped
public class DirectoryEventProducer {

    private static final Logger LOG = Logger.getLogger(DirectoryEventProducer.class);

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final String source;

    public DirectoryEventProducer(@Channel("directory-events") Emitter<String> emitter, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.source = "/actas/" + service;
    }

    public void userStatusChanged(UserStatusChanged change) {
        String type = EventTypes.USER_STATUS_CHANGED;
        CloudEvent<UserStatusChanged> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type, change.userId(), Instant.now(), CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, change);
        try {
            Message<String> message = Message.of(mapper.writeValueAsString(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(change.userId()).build())
                    .withNack(failure -> {
                        LOG.errorf("Kafka refused %s %s for user %s: %s", type, event.id(), change.userId(),
                                failure.getMessage());
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("Could not emit %s for user %s: %s", type, change.userId(), e.getMessage());
        }
    }
}
