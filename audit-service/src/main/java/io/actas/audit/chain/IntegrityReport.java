package io.actas.audit.chain;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/audit-integrity}.
 *
 * @param status {@link #INTACT} or {@link #BROKEN}
 * @param verifiedEvents how many stored events were re-hashed and found linked
 * @param firstSeq the first position checked (after the retention anchor, if any)
 * @param lastSeq the head of the chain when the check started
 * @param headHash the hash the chain ends with; keep it somewhere else to detect a rewrite of the whole store later
 * @param anchor where verification started when retention pruned older events, else absent
 * @param firstBrokenLink the first position that does not verify, absent when intact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IntegrityReport")
public record IntegrityReport(String status, long verifiedEvents, long firstSeq, long lastSeq, String headHash,
        AnchorView anchor, BrokenLink firstBrokenLink, Instant checkedAt) {

    public static final String INTACT = "intact";
    public static final String BROKEN = "broken";

    /** A retention anchor: events up to {@code throughSeq} were pruned; the one at {@code throughSeq} had {@code hash}. */
    public record AnchorView(long throughSeq, String hash, long prunedCount, Instant cutoff, Instant prunedAt) {
    }

    /**
     * @param seq the chain position that does not verify
     * @param eventId the event stored there (for {@code missing_events}: the first one after the gap)
     * @param problem {@code hash_mismatch}, {@code prev_hash_mismatch}, {@code missing_events} or {@code head_mismatch}
     * @param detail what it means, in words
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrokenLink(long seq, String eventId, String problem, String detail) {
    }
}
