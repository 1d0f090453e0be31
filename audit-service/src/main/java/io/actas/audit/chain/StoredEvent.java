package io.actas.audit.chain;

import java.time.Instant;

/**
 * One row of the chain, every column of {@code audit_event}.
 *
 * @param seq position in the chain, 1, 2, 3 ... without gaps
 * @param event the whole CloudEvent, JSON
 * @param prevHash {@link #hash} of the row at {@code seq - 1}, or of the retention anchor, or 64 zeros for the first
 * @param hash {@link ChainHash#of} this row
 */
public record StoredEvent(long seq, String id, String type, String source, Instant time, String actorId, String subjectId,
        String organizationId, String clientId, String sessionId, String outcome, String origin, Instant receivedAt,
        String event, String prevHash, String hash) {

    /** The {@code prevHash} of the first event ever stored. */
    public static final String GENESIS = "0".repeat(64);

    /** Chains a new event after {@code prevSeq}/{@code prevHash}. */
    static StoredEvent chain(NewEvent e, long prevSeq, String prevHash, Instant receivedAt) {
        StoredEvent unsigned = new StoredEvent(prevSeq + 1, e.id(), e.type(), e.source(), e.time(), e.actorId(),
                e.subjectId(), e.organizationId(), e.clientId(), e.sessionId(), e.outcome(), e.origin(), receivedAt,
                e.canonicalEvent(), prevHash, null);
        return unsigned.withHash(ChainHash.of(unsigned, e.canonicalEvent()));
    }

    StoredEvent withHash(String hash) {
        return new StoredEvent(seq, id, type, source, time, actorId, subjectId, organizationId, clientId, sessionId, outcome,
                origin, receivedAt, event, prevHash, hash);
    }
}
