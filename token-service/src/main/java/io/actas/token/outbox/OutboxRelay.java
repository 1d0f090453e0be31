package io.actas.token.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.token.impersonation.ImpersonationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka: claims a batch of unsent rows in {@code seq} order (claims expire, so a crashed replica's
 * rows are taken over), sends them one after another, and marks each row sent once Kafka acknowledged it. The first
 * failure stops the batch and releases the rest, so order is kept and nothing is skipped; the next run retries. A crash
 * between the acknowledgement and the mark re-sends that one event: consumers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            update outbox_event set claimed_until = now() + $2::int * interval '1 second', attempts = attempts + 1
            where id in (select id from outbox_event
                         where sent_at is null and (claimed_until is null or claimed_until < now())
                         order by seq limit $1 for update skip locked)
            returning id, seq, topic, event_key, payload""";
    private static final String MARK_SENT = "update outbox_event set sent_at = now(), claimed_until = null where id = $1";
    private static final String RELEASE = "update outbox_event set claimed_until = null where id = any($1) and sent_at is null";

    private final Pool pool;
    private final ImpersonationEventProducer producer;
    private final int batchSize;
    private final int claimSeconds;

    public OutboxRelay(Pool pool, ImpersonationEventProducer producer, ImpersonationConfig config) {
        this.pool = pool;
        this.producer = producer;
        this.batchSize = config.outbox().batchSize();
        this.claimSeconds = (int) config.outbox().claim().toSeconds();
    }

    @Scheduled(every = "${actas.impersonation.outbox.relay-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay run failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** One run: the number of events published. */
    public Uni<Integer> relay() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of((long) batchSize, claimSeconds)).flatMap(rows -> {
            List<Claimed> batch = new ArrayList<>();
            for (Row row : rows) {
                batch.add(new Claimed(row.getUUID("id"), row.getLong("seq"), row.getString("topic"),
                        row.getString("event_key"), row.getString("payload")));
            }
            batch.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            return publish(batch);
        });
    }

    private Uni<Integer> publish(List<Claimed> batch) {
        List<UUID> pending = new ArrayList<>(batch.stream().map(Claimed::id).toList());
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(event -> producer.send(event.topic(), event.key(), event.payload())
                        .flatMap(sent -> pool.preparedQuery(MARK_SENT).execute(Tuple.of(event.id())))
                        .invoke(marked -> pending.remove(event.id())))
                .collect().last()
                .map(ignored -> batch.size())
                .onFailure().call(failure -> {
                    LOG.warnf("Kafka did not take outbox events (%d left for the next run): %s", pending.size(),
                            failure.getMessage());
                    return pool.preparedQuery(RELEASE).execute(Tuple.of(pending.toArray(UUID[]::new)));
                });
    }

    private record Claimed(UUID id, long seq, String topic, String key, String payload) {
    }
}
