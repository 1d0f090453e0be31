package io.actas.notification.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.notification.NotificationConfig;
import io.actas.notification.WorkGate;
import io.actas.notification.delivery.DeliveryService;
import io.actas.notification.org.OrgServiceUnavailableException;
import io.actas.notification.template.TemplateType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.eventbus.EventBus;

/**
 * The inbox: events are recorded first (by the Kafka consumer, before it commits the offset), then worked off apart from
 * the stream — right away through the event bus, and by the poller when a first try failed or the service restarted.
 * Working an event off claims it, composes its mails (org-service, settings, templates), records them as deliveries in
 * one transaction with the event's new status, and sends them.
 */
@ApplicationScoped
public class InboxService {

    static final String RECORDED = "notification.inbox.recorded";
    private static final Logger LOG = Logger.getLogger(InboxService.class);

    private final InboundEventRepository repository;
    private final NotificationComposer composer;
    private final DeliveryService deliveries;
    private final EventBus bus;
    private final MeterRegistry metrics;
    private final NotificationConfig config;
    private final WorkGate gate;

    public InboxService(InboundEventRepository repository, NotificationComposer composer, DeliveryService deliveries,
            EventBus bus, MeterRegistry metrics, NotificationConfig config, WorkGate gate) {
        this.gate = gate;
        this.repository = repository;
        this.composer = composer;
        this.deliveries = deliveries;
        this.bus = bus;
        this.metrics = metrics;
        this.config = config;
    }

    /** Records the event (once per event id) and has it worked off apart from the caller. */
    public Uni<Void> record(InboundEvent event) {
        return Panache.withTransaction(() -> repository.insertIfAbsent(event)).invoke(recorded -> {
            if (recorded) {
                bus.send(RECORDED, event.eventId);
            }
        }).replaceWithVoid();
    }

    @ConsumeEvent(RECORDED)
    public Uni<Void> onRecorded(String eventId) {
        return process(eventId).onFailure().recoverWithUni(failure -> {
            LOG.warnf("Inbox event %s stays pending for the poller: %s", eventId, failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /** Works off the pending events that are due. */
    public Uni<Void> processDue() {
        return Panache.withSession(() -> repository.due(Instant.now(), config.batchSize()))
                .chain(ids -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::process)
                        .collect().last().replaceWithVoid());
    }

    /** Works off one event, unless another worker holds it or it is not due. */
    public Uni<Void> process(String eventId) {
        return gate.run(() -> {
            Instant now = Instant.now();
            return Panache.withTransaction(() -> repository.claim(eventId, now, now.plus(config.lease())))
                    .chain(claimed -> claimed ? Panache.withSession(() -> repository.findById(eventId))
                            : Uni.createFrom().nullItem())
                    .chain(event -> event == null ? Uni.createFrom().voidItem() : work(event));
        });
    }

    private Uni<Void> work(InboundEvent event) {
        TemplateType type = TemplateType.forEvent(event.type).orElseThrow();
        return composer.compose(event, type)
                .chain(composition -> Panache.withTransaction(() -> {
                    Uni<Void> recorded = composition.suppressed() ? Uni.createFrom().voidItem()
                            : deliveries.record(event.eventId, event.sessionId, type.id(), composition.organizationId(),
                                    event.subjectId, composition.mails());
                    return recorded.chain(() -> repository.findById(event.eventId)).invoke(stored -> {
                        stored.status = composition.suppressed() ? InboundEvent.SUPPRESSED : InboundEvent.PROCESSED;
                        stored.lastError = composition.suppressedBecause();
                        stored.attempts++;
                        stored.processedAt = Instant.now();
                    });
                }))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(event.eventId, type, failure))
                .chain(() -> deliveries.sendPendingOf(event.eventId));
    }

    /** Records a failed try: transient failures wait with backoff, others (and exhausted retries) end as failed. */
    private Uni<Void> failed(String eventId, TemplateType type, Throwable failure) {
        boolean transientFailure = !(failure instanceof PermanentFailure);
        boolean expected = failure instanceof PermanentFailure || failure instanceof OrgServiceUnavailableException;
        if (!expected) {
            LOG.warnf(failure, "Could not work off inbox event %s", eventId);
        }
        String error = expected ? failure.getMessage() : "Unexpected failure; the service log has the details";
        return Panache.withTransaction(() -> repository.findById(eventId).invoke(stored -> {
            stored.attempts++;
            stored.lastError = error;
            if (!transientFailure || stored.attempts >= config.retry().maxAttempts()) {
                stored.status = InboundEvent.FAILED;
                stored.processedAt = Instant.now();
                metrics.counter(DeliveryService.FAILED_METRIC, "kind", type.id(), "cause",
                        transientFailure ? "retries_exhausted" : "permanent").increment();
                LOG.warnf("Inbox event %s (session %s) failed: %s", eventId, stored.sessionId, error);
            } else {
                stored.nextAttemptAt = Instant.now().plus(config.retry().backoff(stored.attempts));
            }
        })).replaceWithVoid();
    }

    /** The event and its deliveries, for the log API. */
    public Uni<InboundEvent> find(String eventId) {
        return Panache.withSession(() -> repository.findById(eventId));
    }
}
