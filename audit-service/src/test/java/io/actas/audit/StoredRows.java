package io.actas.audit;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Direct reads of the audit tables, for what the API does not show (how many rows hold one id). */
public final class StoredRows {

    private StoredRows() {
    }

    /** How many rows of {@code audit_event} hold this event id. */
    public static long count(Pool pool, String id) {
        return pool.preparedQuery("SELECT count(*) FROM audit_event WHERE id = $1").execute(Tuple.of(id)).await()
                .atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
