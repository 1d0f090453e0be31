package io.actas.audit.consumer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.actas.audit.AuditConfig;
import io.actas.audit.chain.CanonicalJson;
import io.actas.audit.chain.ChainService;
import io.actas.audit.chain.NewEvent;
import io.actas.audit.chain.UnstorableEventException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Stores what arrives on {@code impersonation.events} and {@code audit.events}, a poll's batch at a time. The returned
 * {@link Uni} completes only after the batch's transaction committed; only then is the batch acknowledged and its offsets
 * become committable. A crash before that re-reads the batch, and the chain skips the ids it already holds. A failed
 * write is retried with back-off; after {@code actas.audit.store-attempts} the channel fails (health turns DOWN) and a
 * restart re-reads from the last committed offset. Records that are not CloudEvents are kept in
 * {@code audit_rejected_record} instead of blocking the partition.
 */
@ApplicationScoped
public class AuditEventConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventConsumer.class);
    /** A write that has not finished by then is treated as failed and retried (the retry is idempotent). */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final ChainService chain;
    private final RejectedRecordRepository rejected;
    private final int attempts;

    public AuditEventConsumer(ChainService chain, RejectedRecordRepository rejected, AuditConfig config) {
        this.chain = chain;
        this.rejected = rejected;
        this.attempts = config.storeAttempts();
    }

    @Incoming("events-in")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return store(records).ifNoItem().after(STORE_TIMEOUT).fail()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(attempts);
    }

    /** One attempt at storing a poll's records; safe to repeat, which is what makes redelivery harmless. */
    public Uni<Void> store(ConsumerRecords<String, byte[]> records) {
        Instant receivedAt = Instant.now();
        List<NewEvent> events = new ArrayList<>(records.count());
        List<RejectedRecord> rejects = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String origin = "kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset();
            try {
                events.add(NewEvent.of(CanonicalJson.parse(utf8(record.value())), origin, receivedAt));
            } catch (UnstorableEventException e) {
                rejects.add(reject(record, e.getMessage()));
            } catch (IOException e) {
                rejects.add(reject(record, "not JSON"));
            }
        }
        return append(events, rejects).chain(() -> rejected.save(rejects));
    }

    private Uni<Void> append(List<NewEvent> events, List<RejectedRecord> rejects) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return chain.append(events).replaceWithVoid()
                .onFailure(ChainService::isDataError).recoverWithUni(() -> appendOneByOne(events, rejects));
    }

    /** PostgreSQL refused something in the batch: store what it accepts, keep the rest as rejected records. */
    private Uni<Void> appendOneByOne(List<NewEvent> events, List<RejectedRecord> rejects) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> chain.append(List.of(event)).replaceWithVoid()
                        .onFailure(ChainService::isDataError).recoverWithItem(failure -> {
                            LOG.warnf("Event %s from %s refused by the database: %s", event.id(), event.origin(),
                                    failure.getMessage());
                            rejects.add(reject(event, "refused by the database"));
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    private static RejectedRecord reject(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Kafka record %s/%d/%d is not a storable CloudEvent (%s); kept in audit_rejected_record", record.topic(),
                record.partition(), record.offset(), reason);
        return new RejectedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason);
    }

    private static RejectedRecord reject(NewEvent event, String reason) {
        // origin is kafka:<topic>/<partition>/<offset>
        String[] position = event.origin().substring("kafka:".length()).split("/");
        return new RejectedRecord(position[0], Integer.parseInt(position[1]), Long.parseLong(position[2]), null,
                event.canonicalEvent().getBytes(StandardCharsets.UTF_8), reason);
    }

    private static String utf8(byte[] value) throws UnstorableEventException {
        if (value == null) {
            throw new UnstorableEventException("empty record (tombstone)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new UnstorableEventException("not UTF-8");
        }
    }
}
