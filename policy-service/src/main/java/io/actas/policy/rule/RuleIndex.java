package io.actas.policy.rule;

import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled rules in evaluation order (priority, then creation time, then id), indexed so a decision never scans every
 * rule: one bit set per actor user, actor role, client and organization, plus one per dimension for the rules that leave
 * it open. A decision ORs the actor's sets, ANDs in the client's and the organization's, and walks the remaining bits in
 * order. Immutable; a new index replaces the old one when the rules change.
 */
public final class RuleIndex {

    private static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority)
            .thenComparing(Rule::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Rule::id);

    /** No rules, at a revision no database holds: the first decision loads the real index. */
    public static final RuleIndex EMPTY = build(-1, List.of());

    private final long revision;
    private final Rule[] rules;
    private final Map<String, BitSet> byActorUser = new HashMap<>();
    private final Map<String, BitSet> byActorRole = new HashMap<>();
    private final Map<String, BitSet> byClient = new HashMap<>();
    private final Map<String, BitSet> byOrganization = new HashMap<>();
    private final BitSet anyActor = new BitSet();
    private final BitSet anyClient = new BitSet();
    private final BitSet anyOrganization = new BitSet();

    private RuleIndex(long revision, List<Rule> ordered) {
        this.revision = revision;
        this.rules = ordered.toArray(Rule[]::new);
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            if (rule.actorUsers().isEmpty() && rule.actorRoles().isEmpty()) {
                anyActor.set(i);
            }
            mark(byActorUser, rule.actorUsers(), i);
            mark(byActorRole, rule.actorRoles(), i);
            if (rule.clients().isEmpty()) {
                anyClient.set(i);
            }
            mark(byClient, rule.clients(), i);
            if (rule.organizations().isEmpty()) {
                anyOrganization.set(i);
            }
            mark(byOrganization, rule.organizations(), i);
        }
        // a client's (organization's) set also holds the rules open to every client (organization): one AND per dimension
        byClient.values().forEach(set -> set.or(anyClient));
        byOrganization.values().forEach(set -> set.or(anyOrganization));
    }

    /** Indexes the given (enabled) rules, in any order, as of a policy revision. */
    public static RuleIndex build(long revision, List<Rule> rules) {
        return new RuleIndex(revision, rules.stream().sorted(ORDER).toList());
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return rules.length;
    }

    public Rule rule(int position) {
        return rules[position];
    }

    /** Positions of the rules whose actor matcher admits this actor: the rules a decision considers. */
    public BitSet forActor(String actorId, Set<String> actorRoleIds) {
        BitSet candidates = (BitSet) anyActor.clone();
        or(candidates, byActorUser.get(actorId));
        for (String role : actorRoleIds) {
            or(candidates, byActorRole.get(role));
        }
        return candidates;
    }

    /** Narrows candidates (in place) to the rules that also admit this client and organization. */
    public BitSet narrow(BitSet candidates, String clientId, String organizationId) {
        candidates.and(byClient.getOrDefault(clientId, anyClient));
        candidates.and(byOrganization.getOrDefault(organizationId, anyOrganization));
        return candidates;
    }

    /** Narrows candidates (in place) to the rules that admit this organization, whatever their clients. */
    public BitSet narrowToOrganization(BitSet candidates, String organizationId) {
        candidates.and(byOrganization.getOrDefault(organizationId, anyOrganization));
        return candidates;
    }

    private static void mark(Map<String, BitSet> index, Set<String> keys, int position) {
        for (String key : keys) {
            index.computeIfAbsent(key, k -> new BitSet()).set(position);
        }
    }

    private static void or(BitSet target, BitSet other) {
        if (other != null) {
            target.or(other);
        }
    }
}
