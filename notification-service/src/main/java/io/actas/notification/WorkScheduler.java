package io.actas.notification;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.notification.delivery.DeliveryService;
import io.actas.notification.inbox.InboxService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Works off what is due every {@code actas.notification.poll-interval}: inbox events whose first try failed or was cut
 * short (restart), then deliveries that are new or waiting for a retry.
 */
@ApplicationScoped
public class WorkScheduler {

    private final InboxService inbox;
    private final DeliveryService deliveries;
    private final WorkGate gate;

    public WorkScheduler(InboxService inbox, DeliveryService deliveries, WorkGate gate) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.gate = gate;
    }

    @Scheduled(every = "${actas.notification.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!gate.open()) {
            return Uni.createFrom().voidItem();
        }
        return inbox.processDue().chain(deliveries::sendDue);
    }
}
