package io.actas.audit.chain;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.audit.chain.IntegrityReport.AnchorView;
import io.actas.audit.chain.IntegrityReport.BrokenLink;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Re-verifies the chain from the retention anchor (or the first event) to the head, in one read-only snapshot: every
 * position present, every {@code prev_hash} equal to the hash before it, every hash recomputed from the row's columns,
 * and the head where the rows end. Reads a page at a time, so the store can be larger than memory.
 */
@ApplicationScoped
public class IntegrityService {

    static final int PAGE = 1000;

    private final Pool pool;
    private final ChainRepository chain;

    public IntegrityService(Pool pool, ChainRepository chain) {
        this.pool = pool;
        this.chain = chain;
    }

    public Uni<IntegrityReport> verify() {
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .chain(() -> chain.latestAnchor(conn))
                .chain(anchor -> chain.head(conn).chain(head -> {
                    Walk walk = anchor == null ? new Walk(0, StoredEvent.GENESIS)
                            : new Walk(anchor.throughSeq(), anchor.hash());
                    return walk(conn, walk).map(done -> report(done, head, anchor));
                })));
    }

    private Uni<Walk> walk(SqlConnection conn, Walk walk) {
        return chain.after(conn, walk.lastSeq, PAGE).chain(page -> {
            walk.check(page);
            return walk.broken != null || page.size() < PAGE ? Uni.createFrom().item(walk) : walk(conn, walk);
        });
    }

    private static IntegrityReport report(Walk walk, ChainRepository.Head head, ChainRepository.Anchor anchor) {
        BrokenLink broken = walk.broken;
        if (broken == null && (head.seq() != walk.lastSeq || !head.hash().equals(walk.lastHash))) {
            broken = new BrokenLink(walk.lastSeq + 1, null, "head_mismatch", "the stored events end at position "
                    + walk.lastSeq + " but the chain head says " + head.seq()
                    + ": events at the end were deleted, or the head was changed");
        }
        AnchorView anchorView = anchor == null ? null
                : new AnchorView(anchor.throughSeq(), anchor.hash(), anchor.prunedCount(), anchor.cutoff(),
                        anchor.prunedAt());
        return new IntegrityReport(broken == null ? IntegrityReport.INTACT : IntegrityReport.BROKEN, walk.verified,
                walk.firstSeq, head.seq(), head.hash(), anchorView, broken, Instant.now());
    }

    /** Where the verification stands; used by one reactive chain at a time. */
    private static final class Walk {

        final long firstSeq;
        long lastSeq;
        String lastHash;
        long verified;
        BrokenLink broken;

        Walk(long fromSeq, String fromHash) {
            this.firstSeq = fromSeq + 1;
            this.lastSeq = fromSeq;
            this.lastHash = fromHash;
        }

        void check(List<StoredEvent> page) {
            for (StoredEvent row : page) {
                broken = link(row);
                if (broken != null) {
                    return;
                }
                lastSeq = row.seq();
                lastHash = row.hash();
                verified++;
            }
        }

        private BrokenLink link(StoredEvent row) {
            if (row.seq() != lastSeq + 1) {
                return new BrokenLink(row.seq(), row.id(), "missing_events", "positions " + (lastSeq + 1) + " to "
                        + (row.seq() - 1) + " are missing: stored events were deleted");
            }
            if (!row.prevHash().equals(lastHash)) {
                return new BrokenLink(row.seq(), row.id(), "prev_hash_mismatch", "its prev_hash is not the hash of position "
                        + lastSeq + ": an earlier event was changed and re-hashed, or events were replaced");
            }
            if (!row.hash().equals(recomputed(row))) {
                return new BrokenLink(row.seq(), row.id(), "hash_mismatch",
                        "its columns or event no longer match its hash: the row was changed after it was stored");
            }
            return null;
        }

        private static String recomputed(StoredEvent row) {
            try {
                return ChainHash.of(row, CanonicalJson.write(CanonicalJson.parse(row.event())));
            } catch (IOException | IllegalArgumentException e) {
                return "unreadable";
            }
        }
    }
}
