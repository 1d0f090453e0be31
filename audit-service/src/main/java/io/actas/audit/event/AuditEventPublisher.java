package io.actas.audit.event;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.actas.audit.AuditConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes ingested events to {@code audit.events}, with the id they were stored under (so this service's own consumer
 * finds them already stored). The queue entry is written in the same transaction as the event and removed once Kafka
 * acknowledges; what Kafka did not take is sent again by {@link #relay()}, so a Kafka outage delays the copy, never loses
 * it.
 */
@ApplicationScoped
public class AuditEventPublisher {

    private static final Logger LOG = Logger.getLogger(AuditEventPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final int RELAY_BATCH = 200;

    private final Emitter<String> emitter;
    private final PublishQueueRepository queue;
    private final Duration retryAfter;

    public AuditEventPublisher(@Channel("audit-events") Emitter<String> emitter, PublishQueueRepository queue,
            AuditConfig config) {
        this.emitter = emitter;
        this.queue = queue;
        this.retryAfter = config.publishRetryInterval();
    }

    /** Sends one queued event and clears it from the queue; a failure leaves it queued for the relay. */
    public Uni<Boolean> publish(PublishQueueRepository.Queued queued) {
        return send(queued).ifNoItem().after(SEND_TIMEOUT).fail()
                .chain(() -> queue.delete(queued.eventId())).replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Audit event %s not yet on audit.events (%s); the relay sends it again", queued.eventId(),
                            failure.getMessage());
                    return false;
                });
    }

    @Scheduled(every = "${actas.audit.publish-retry-interval:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return queue.due(Instant.now().minus(retryAfter), RELAY_BATCH)
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Publish relay failed: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(PublishQueueRepository.Queued queued) {
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String> builder().withKey(queued.key()).build());
            emitter.send(Message.of(queued.payload(), metadata, () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                acked.completeExceptionally(reason);
                return CompletableFuture.completedFuture(null);
            }));
            return acked;
        });
    }
}
