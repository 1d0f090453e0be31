package io.actas.token.impersonation;

import java.util.Optional;

import io.actas.events.Act;
import io.actas.support.Caller;

/**
 * The RFC 8693 §4.1 {@code act} chain of an impersonated or delegated token: the current actor outermost, prior actors
 * nested inside (informational only, never used for access control). Built only here, immutable, and never deeper than
 * {@link #MAX_DEPTH}.
 */
public final class ActChain {

    /** The current actor plus at most two prior actors: a service acting for an impersonation acting for a user. */
    public static final int MAX_DEPTH = 3;

    private final Act act;
    private final int depth;

    private ActChain(Act act, int depth) {
        this.act = act;
        this.depth = depth;
    }

    /** A chain of one: {@code actorId} authenticated by {@code issuer} acts for the subject. */
    public static ActChain of(String actorId, String issuer) {
        return new ActChain(new Act(actorId, issuer, null), 1);
    }

    /**
     * RFC 8693 §4.1 delegation: {@code actorId} becomes the current actor, the chain the subject token already carried
     * (if any) nests inside. Empty when the result would be deeper than {@link #MAX_DEPTH}.
     */
    public static Optional<ActChain> nest(String actorId, String issuer, Optional<ActChain> prior) {
        int depth = 1 + prior.map(ActChain::depth).orElse(0);
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        return Optional.of(new ActChain(new Act(actorId, issuer, prior.map(ActChain::act).orElse(null)), depth));
    }

    /** Reads an {@code act} claim (JSON-P, map, or event record); empty when absent or without {@code sub}. */
    public static Optional<ActChain> read(Object claim) {
        Act act = claim instanceof Act record ? record : Caller.act(claim);
        if (act == null) {
            return Optional.empty();
        }
        int depth = 0;
        for (Act level = act; level != null; level = level.act()) {
            depth++;
        }
        return Optional.of(new ActChain(act, depth));
    }

    public Act act() {
        return act;
    }

    /** The current actor: the outermost {@code act.sub}. */
    public String actorId() {
        return act.sub();
    }

    public int depth() {
        return depth;
    }
}
