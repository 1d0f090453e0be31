package io.actas.notification.delivery;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.notification.CallerContext;
import io.actas.notification.NotificationConfig;
import io.actas.notification.WorkGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Records deliveries and sends them over SMTP: each attempt claims the delivery first (so two workers never send the
 * same mail), then sends, then records the outcome. Transient failures wait with exponential backoff; permanent failures
 * and exhausted retries end as {@code failed} and are counted in {@code actas.notifications.failed}. Sends run through
 * the {@link WorkGate}, so that a restart repeats no mail.
 */
@ApplicationScoped
public class DeliveryService {

    static final String SENT_METRIC = "actas.notifications.sent";
    public static final String FAILED_METRIC = "actas.notifications.failed";
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository repository;
    private final ReactiveMailer mailer;
    private final MeterRegistry metrics;
    private final NotificationConfig config;
    private final WorkGate gate;

    public DeliveryService(DeliveryRepository repository, ReactiveMailer mailer, MeterRegistry metrics,
            NotificationConfig config, WorkGate gate) {
        this.gate = gate;
        this.repository = repository;
        this.mailer = mailer;
        this.metrics = metrics;
        this.config = config;
    }

    /** Records the mails of an event (each at most once per session, recipient and kind); run inside a transaction. */
    public Uni<Void> record(String eventId, String sessionId, String kind, String organizationId, String subjectId,
            List<ComposedMail> mails) {
        Instant now = Instant.now();
        return Multi.createFrom().iterable(mails).onItem().transformToUniAndConcatenate(mail -> {
            Delivery delivery = new Delivery();
            delivery.eventId = eventId;
            delivery.sessionId = sessionId;
            delivery.kind = kind;
            delivery.organizationId = organizationId;
            delivery.subjectId = subjectId;
            delivery.recipient = mail.recipient();
            delivery.recipientRole = mail.recipientRole();
            delivery.mailSubject = mail.subject();
            delivery.htmlBody = mail.htmlBody();
            delivery.textBody = mail.textBody();
            return repository.insertIfAbsent(delivery, now);
        }).collect().asList().replaceWithVoid();
    }

    /** Sends the event's deliveries that were never tried. */
    public Uni<Void> sendPendingOf(String eventId) {
        return Panache.withSession(() -> repository.pendingOfEvent(eventId)).chain(this::attemptAll);
    }

    /** Sends (or retries) the deliveries that are due. */
    public Uni<Void> sendDue() {
        return Panache.withSession(() -> repository.due(Instant.now(), config.batchSize())).chain(this::attemptAll);
    }

    private Uni<Void> attemptAll(List<Long> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::attempt).collect().last()
                .replaceWithVoid();
    }

    /** One attempt at one delivery, unless another worker holds it, it is not due, or the service is stopping. */
    Uni<Void> attempt(long id) {
        return gate.run(() -> {
            Instant now = Instant.now();
            return Panache.withTransaction(() -> repository.claim(id, now, now.plus(config.lease())))
                    .chain(claimed -> claimed ? Panache.withSession(() -> repository.findById(id))
                            : Uni.createFrom().nullItem())
                    .chain(delivery -> delivery == null ? Uni.createFrom().voidItem() : send(delivery));
        });
    }

    private Uni<Void> send(Delivery delivery) {
        Mail mail = Mail.withText(delivery.recipient, delivery.mailSubject, delivery.textBody)
                .setHtml(delivery.htmlBody)
                .addHeader("X-ActAs-Session-Id", delivery.sessionId)
                .addHeader("X-ActAs-Notification-Id", String.valueOf(delivery.id));
        return CallerContext.resumeOnCaller(() -> mailer.send(mail).ifNoItem().after(config.sendTimeout()).fail())
                .onItemOrFailure().transformToUni((sent, failure) -> outcome(delivery.id, failure));
    }

    private Uni<Void> outcome(long id, Throwable failure) {
        return Panache.withTransaction(() -> repository.findById(id).invoke(delivery -> {
            Instant now = Instant.now();
            delivery.attempts++;
            delivery.updatedAt = now;
            if (failure == null) {
                delivery.status = Delivery.SENT;
                delivery.sentAt = now;
                delivery.lastError = null;
                metrics.counter(SENT_METRIC, "kind", delivery.kind).increment();
                return;
            }
            SmtpFailure smtp = SmtpFailure.of(failure);
            delivery.lastError = smtp.description();
            if (smtp.permanent() || delivery.attempts >= config.retry().maxAttempts()) {
                delivery.status = Delivery.FAILED;
                String cause = smtp.permanent() ? "permanent" : "retries_exhausted";
                metrics.counter(FAILED_METRIC, "kind", delivery.kind, "cause", cause).increment();
                LOG.warnf("Notification %d (%s, session %s) failed after %d attempt(s): %s", delivery.id, delivery.kind,
                        delivery.sessionId, delivery.attempts, smtp.description());
            } else {
                delivery.status = Delivery.RETRYING;
                delivery.nextAttemptAt = now.plus(config.retry().backoff(delivery.attempts));
                LOG.infof("Notification %d (session %s) will be retried at %s: %s", delivery.id, delivery.sessionId,
                        delivery.nextAttemptAt, smtp.description());
            }
        })).replaceWithVoid();
    }
}
