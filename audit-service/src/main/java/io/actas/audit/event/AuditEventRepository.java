package io.actas.audit.event;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.audit.chain.ChainRepository;
import io.actas.audit.chain.StoredEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of {@code audit_event}: by id, a filtered page newest first, a filtered stream oldest first. */
@ApplicationScoped
public class AuditEventRepository {

    /** Rows fetched per round trip while streaming an export. */
    static final int EXPORT_FETCH = 500;

    private final Pool pool;

    public AuditEventRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<StoredEvent> findById(SqlClient client, String id) {
        return client.preparedQuery("SELECT " + ChainRepository.COLUMNS + " FROM audit_event WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : ChainRepository.row(rows.iterator().next()));
    }

    public Uni<StoredEvent> findById(String id) {
        return findById(pool, id);
    }

    /** Up to {@code limit} events matching {@code filter}, newest first, strictly after {@code after} when given. */
    public Uni<List<StoredEvent>> page(AuditEventFilter filter, PageCursor after, int limit) {
        Where where = Where.of(filter);
        if (after != null) {
            where.add("(time, seq) < ($%d, $%d)", ChainRepository.utc(after.time()), after.seq());
        }
        String sql = "SELECT " + ChainRepository.COLUMNS + " FROM audit_event" + where.sql()
                + " ORDER BY time DESC, seq DESC LIMIT " + limit;
        return pool.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<StoredEvent> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(ChainRepository.row(row)));
            return page;
        });
    }

    /**
     * Every event matching {@code filter}, oldest first, read through a server-side cursor {@link #EXPORT_FETCH} rows at
     * a time as the subscriber asks for more: memory stays flat whatever the range.
     */
    public Multi<StoredEvent> stream(AuditEventFilter filter) {
        Where where = Where.of(filter);
        String sql = "SELECT " + ChainRepository.COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY time, seq";
        return pool.getConnection().onItem().transformToMulti(conn -> conn.begin()
                .onItem().transformToMulti(tx -> conn.prepare(sql)
                        .onItem().transformToMulti(statement -> statement.createStream(EXPORT_FETCH, where.params())
                                .toMulti())
                        .onTermination().call(() -> tx.rollback().onFailure().recoverWithNull()))
                .onTermination().call(() -> conn.close().onFailure().recoverWithNull()))
                .map(ChainRepository::row);
    }

    /** A WHERE clause with positional parameters, built one condition at a time. */
    static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        static Where of(AuditEventFilter filter) {
            Where where = new Where();
            where.equal("actor_id", filter.actor());
            where.equal("subject_id", filter.subject());
            where.equal("organization_id", filter.organization());
            where.equal("client_id", filter.client());
            where.equal("session_id", filter.session());
            where.equal("outcome", filter.outcome());
            if (filter.types() != null && !filter.types().isEmpty()) {
                List<String> exact = new ArrayList<>();
                List<String> alternatives = new ArrayList<>();
                for (String type : filter.types()) {
                    if (type.endsWith("*")) {
                        where.params.add(like(type.substring(0, type.length() - 1)));
                        alternatives.add("type LIKE $" + where.params.size());
                    } else {
                        exact.add(type);
                    }
                }
                if (!exact.isEmpty()) {
                    where.params.add(exact.toArray(String[]::new));
                    alternatives.add("type = ANY($" + where.params.size() + ")");
                }
                where.conditions.add("(" + String.join(" OR ", alternatives) + ")");
            }
            if (filter.impersonated() != null) {
                where.conditions.add(filter.impersonated() ? "actor_id IS NOT NULL" : "actor_id IS NULL");
            }
            if (filter.from() != null) {
                where.add("time >= $%d", ChainRepository.utc(filter.from()));
            }
            if (filter.to() != null) {
                where.add("time < $%d", ChainRepository.utc(filter.to()));
            }
            return where;
        }

        private void equal(String column, String value) {
            if (value != null) {
                add(column + " = $%d", value);
            }
        }

        /** Adds a condition whose {@code %d} placeholders take the given values' positions. */
        void add(String condition, Object... values) {
            Object[] positions = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                params.add(values[i]);
                positions[i] = params.size();
            }
            conditions.add(String.format(condition, positions));
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Tuple params() {
            return Tuple.from(params);
        }

        private static String like(String prefix) {
            return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }
}
