package io.actas.audit.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.audit.AuditConfig;
import io.actas.audit.chain.ChainRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code actas.audit.retention}: prunes the oldest events, always a prefix of the chain, and leaves an anchor (the last
 * pruned position and its hash) from which verification continues, so pruning never breaks the chain. Unset (the
 * default) keeps everything forever. Age counts from when this service stored the event ({@code received_at}), which
 * grows with the chain position; rejected Kafka records older than the cutoff go too.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final Pool pool;
    private final ChainRepository chain;
    private final AuditConfig config;

    public RetentionService(Pool pool, ChainRepository chain, AuditConfig config) {
        this.pool = pool;
        this.chain = chain;
        this.config = config;
    }

    /** How many events one run pruned, and the anchor it left. */
    public record Pruned(long count, long throughSeq) {
    }

    @Scheduled(every = "${actas.audit.retention-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        Optional<java.time.Duration> retention = config.retention();
        if (retention.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pruneBefore(Instant.now().minus(retention.get()))
                .invoke(pruned -> {
                    if (pruned.count() > 0) {
                        LOG.infof("Retention pruned %d audit events through position %d", pruned.count(),
                                pruned.throughSeq());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Retention run failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Prunes every event stored before {@code cutoff} (and any earlier in the chain), leaving an anchor. */
    public Uni<Pruned> pruneBefore(Instant cutoff) {
        OffsetDateTime before = ChainRepository.utc(cutoff);
        return pool.withTransaction(conn -> chain.lockHead(conn)
                .chain(() -> conn.preparedQuery("SELECT seq, hash FROM audit_event WHERE seq ="
                        + " (SELECT max(seq) FROM audit_event WHERE received_at < $1)").execute(Tuple.of(before)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(new Pruned(0, 0))
                        : prune(conn, rows.iterator().next(), before)));
    }

    private Uni<Pruned> prune(SqlConnection conn, Row last, OffsetDateTime cutoff) {
        long throughSeq = last.getLong("seq");
        String hash = last.getString("hash");
        return conn.query("SELECT set_config('actas.audit_pruning', 'on', true)").execute()
                .chain(() -> conn.preparedQuery("DELETE FROM audit_event WHERE seq <= $1").execute(Tuple.of(throughSeq)))
                .chain(deleted -> conn.preparedQuery("INSERT INTO audit_chain_anchor (through_seq, hash, pruned_count,"
                        + " cutoff, pruned_at) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(throughSeq, hash, (long) deleted.rowCount(), cutoff,
                                OffsetDateTime.now(ZoneOffset.UTC)))
                        .replaceWith(new Pruned(deleted.rowCount(), throughSeq)))
                .call(() -> conn.preparedQuery("DELETE FROM audit_rejected_record WHERE received_at < $1")
                        .execute(Tuple.of(cutoff)));
    }
}
