package io.actas.audit.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.audit.chain.ChainRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code audit_publish_queue}: ingested events whose copy on {@code audit.events} Kafka has not acknowledged yet. */
@ApplicationScoped
public class PublishQueueRepository {

    /** An event waiting for Kafka. */
    public record Queued(String eventId, String key, String payload) {
    }

    private final Pool pool;

    public PublishQueueRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> enqueue(SqlConnection conn, Queued queued) {
        return conn.preparedQuery("INSERT INTO audit_publish_queue (event_id, kafka_key, payload, queued_at)"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(queued.eventId(), queued.key(), queued.payload(), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> delete(String eventId) {
        return pool.preparedQuery("DELETE FROM audit_publish_queue WHERE event_id = $1").execute(Tuple.of(eventId))
                .replaceWithVoid();
    }

    /** Entries queued before {@code before}, oldest first, counting this as one more attempt. */
    public Uni<List<Queued>> due(Instant before, int limit) {
        return pool.preparedQuery("UPDATE audit_publish_queue SET attempts = attempts + 1 WHERE event_id IN"
                + " (SELECT event_id FROM audit_publish_queue WHERE queued_at < $1 ORDER BY queued_at LIMIT $2)"
                + " RETURNING event_id, kafka_key, payload")
                .execute(Tuple.of(ChainRepository.utc(before), limit))
                .map(rows -> {
                    List<Queued> due = new ArrayList<>(rows.size());
                    rows.forEach(row -> due.add(new Queued(row.getString(0), row.getString(1), row.getString(2))));
                    return due;
                });
    }
}
