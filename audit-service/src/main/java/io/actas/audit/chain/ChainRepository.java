package io.actas.audit.chain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL of the chain: its head, its rows in chain order, its anchors. Every method runs on the caller's connection. */
@ApplicationScoped
public class ChainRepository {

    /** The columns of {@code audit_event} in the order {@link #row(Row)} reads them. */
    public static final String COLUMNS = "seq, id, type, source, time, actor_id, subject_id, organization_id, client_id,"
            + " session_id, outcome, origin, received_at, event::text AS event, prev_hash, hash";

    /** One statement for the whole batch: each column travels as one array. */
    private static final String INSERT = "INSERT INTO audit_event (seq, id, type, source, time, actor_id, subject_id,"
            + " organization_id, client_id, session_id, outcome, origin, received_at, event, prev_hash, hash)"
            + " SELECT seq, id, type, source, time, actor_id, subject_id, organization_id, client_id, session_id, outcome,"
            + " origin, received_at, event::jsonb, prev_hash, hash FROM unnest($1::bigint[], $2::text[], $3::text[],"
            + " $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],"
            + " $12::text[], $13::timestamptz[], $14::text[], $15::text[], $16::text[]) AS batch(seq, id, type, source,"
            + " time, actor_id, subject_id, organization_id, client_id, session_id, outcome, origin, received_at, event,"
            + " prev_hash, hash)";

    public record Head(long seq, String hash) {
    }

    public record Anchor(long throughSeq, String hash, long prunedCount, Instant cutoff, Instant prunedAt) {
    }

    /** Reads the head and locks it until the transaction ends: appends and pruning are serialized here. */
    public Uni<Head> lockHead(SqlConnection conn) {
        return conn.query("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").execute()
                .map(rows -> head(rows.iterator().next()));
    }

    public Uni<Head> head(SqlConnection conn) {
        return conn.query("SELECT seq, hash FROM audit_chain_head WHERE id = 1").execute()
                .map(rows -> head(rows.iterator().next()));
    }

    public Uni<Void> advanceHead(SqlConnection conn, Head head) {
        return conn.preparedQuery("UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1")
                .execute(Tuple.of(head.seq(), head.hash())).replaceWithVoid();
    }

    public Uni<Set<String>> existingIds(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("SELECT id FROM audit_event WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> existing = new HashSet<>();
                    rows.forEach(row -> existing.add(row.getString(0)));
                    return existing;
                });
    }

    public Uni<Void> insert(SqlConnection conn, List<StoredEvent> events) {
        int n = events.size();
        Long[] seq = new Long[n];
        OffsetDateTime[] time = new OffsetDateTime[n];
        OffsetDateTime[] receivedAt = new OffsetDateTime[n];
        String[][] text = new String[13][n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            seq[i] = e.seq();
            time[i] = utc(e.time());
            receivedAt[i] = utc(e.receivedAt());
            String[] row = { e.id(), e.type(), e.source(), e.actorId(), e.subjectId(), e.organizationId(), e.clientId(),
                    e.sessionId(), e.outcome(), e.origin(), e.event(), e.prevHash(), e.hash() };
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        Tuple params = Tuple.from(List.<Object> of(seq, text[0], text[1], text[2], time, text[3], text[4], text[5],
                text[6], text[7], text[8], text[9], receivedAt, text[10], text[11], text[12]));
        return conn.preparedQuery(INSERT).execute(params).replaceWithVoid();
    }

    /** Up to {@code limit} rows after {@code afterSeq}, in chain order. */
    public Uni<List<StoredEvent>> after(SqlConnection conn, long afterSeq, int limit) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(afterSeq, limit))
                .map(rows -> {
                    List<StoredEvent> page = new ArrayList<>(rows.size());
                    rows.forEach(row -> page.add(row(row)));
                    return page;
                });
    }

    /** The newest anchor left by retention, or {@code null} when nothing was ever pruned. */
    public Uni<Anchor> latestAnchor(SqlConnection conn) {
        return conn.query("SELECT through_seq, hash, pruned_count, cutoff, pruned_at FROM audit_chain_anchor"
                + " ORDER BY through_seq DESC LIMIT 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Anchor(row.getLong(0), row.getString(1), row.getLong(2), instant(row, 3), instant(row, 4));
                });
    }

    public static StoredEvent row(Row row) {
        return new StoredEvent(row.getLong("seq"), row.getString("id"), row.getString("type"), row.getString("source"),
                instant(row, "time"), row.getString("actor_id"), row.getString("subject_id"),
                row.getString("organization_id"), row.getString("client_id"), row.getString("session_id"),
                row.getString("outcome"), row.getString("origin"), instant(row, "received_at"), row.getString("event"),
                row.getString("prev_hash"), row.getString("hash"));
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Head head(Row row) {
        return new Head(row.getLong(0), row.getString(1));
    }
}
