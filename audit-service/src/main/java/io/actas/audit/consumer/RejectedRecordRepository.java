package io.actas.audit.consumer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code audit_rejected_record}: written once per Kafka position, whatever is redelivered. */
@ApplicationScoped
public class RejectedRecordRepository {

    private final Pool pool;

    public RejectedRecordRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(List<RejectedRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> batch = records.stream()
                .map(r -> Tuple.from(java.util.Arrays.asList(r.topic(), r.partition(), r.offset(), r.key(),
                        r.value() == null ? null : Buffer.buffer(r.value()), r.reason(), now)))
                .toList();
        return pool.preparedQuery("INSERT INTO audit_rejected_record (topic, partition, kafka_offset, kafka_key, value,"
                + " reason, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING")
                .executeBatch(batch).replaceWithVoid();
    }
}
