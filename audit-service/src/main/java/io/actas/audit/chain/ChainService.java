package io.actas.audit.chain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;

/**
 * Appends events to the one chain. Each append locks the chain head, skips ids already stored (and repeats within the
 * batch), links and hashes the rest, inserts them in one batch and moves the head, all in one transaction: an event is
 * stored exactly once, and the chain never forks, whoever writes (the Kafka consumer, the ingest API, several replicas).
 */
@ApplicationScoped
public class ChainService {

    private final Pool pool;
    private final ChainRepository chain;

    public ChainService(Pool pool, ChainRepository chain) {
        this.pool = pool;
        this.chain = chain;
    }

    /**
     * @param appended the rows written, in chain order
     * @param duplicateIds ids that were stored before (or earlier in the same batch), so written no second time
     */
    public record AppendResult(List<StoredEvent> appended, List<String> duplicateIds) {
    }

    public Uni<AppendResult> append(List<NewEvent> events) {
        return pool.withTransaction(conn -> append(conn, events));
    }

    /** Appends inside the caller's transaction (the ingest API queues its Kafka copy in the same one). */
    public Uni<AppendResult> append(SqlConnection conn, List<NewEvent> events) {
        Map<String, NewEvent> unique = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (NewEvent event : events) {
            if (unique.putIfAbsent(event.id(), event) != null) {
                duplicates.add(event.id());
            }
        }
        if (unique.isEmpty()) {
            return Uni.createFrom().item(new AppendResult(List.of(), duplicates));
        }
        return chain.lockHead(conn)
                .chain(head -> chain.existingIds(conn, List.copyOf(unique.keySet())).chain(existing -> {
                    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    List<StoredEvent> rows = new ArrayList<>(unique.size());
                    long seq = head.seq();
                    String hash = head.hash();
                    for (NewEvent event : unique.values()) {
                        if (existing.contains(event.id())) {
                            duplicates.add(event.id());
                            continue;
                        }
                        StoredEvent row = StoredEvent.chain(event, seq, hash, receivedAt);
                        rows.add(row);
                        seq = row.seq();
                        hash = row.hash();
                    }
                    AppendResult result = new AppendResult(rows, duplicates);
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(result);
                    }
                    return chain.insert(conn, rows)
                            .chain(() -> chain.advanceHead(conn, new ChainRepository.Head(rows.getLast().seq(),
                                    rows.getLast().hash())))
                            .replaceWith(result);
                }));
    }

    /**
     * Whether PostgreSQL refused the data itself (SQLSTATE class 22, data exception, or 54, program limit exceeded):
     * retrying the same batch cannot help, storing its events one by one finds the culprit.
     */
    public static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("54"))) {
                return true;
            }
        }
        return false;
    }
}
