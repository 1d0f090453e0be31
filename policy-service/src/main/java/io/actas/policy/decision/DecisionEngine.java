package io.actas.policy.decision;

import static io.actas.events.ReasonCodes.ACTOR_INACTIVE;
import static io.actas.events.ReasonCodes.ALLOWED;
import static io.actas.events.ReasonCodes.CHAINING_FORBIDDEN;
import static io.actas.events.ReasonCodes.CLIENT_NOT_ALLOWED;
import static io.actas.events.ReasonCodes.DENIED_BY_RULE;
import static io.actas.events.ReasonCodes.MISSING_PERMISSION;
import static io.actas.events.ReasonCodes.NO_MATCHING_RULE;
import static io.actas.events.ReasonCodes.ORGANIZATION_MISMATCH;
import static io.actas.events.ReasonCodes.PRIVILEGE_CEILING;
import static io.actas.events.ReasonCodes.REASON_REQUIRED;
import static io.actas.events.ReasonCodes.SELF_IMPERSONATION;
import static io.actas.events.ReasonCodes.SUBJECT_INACTIVE;
import static io.actas.events.ReasonCodes.SUBJECT_NOT_FOUND;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.actas.policy.role.Permissions;
import io.actas.policy.rule.Rule;
import io.actas.policy.rule.RuleIndex;

/**
 * The impersonation decision (DESIGN §4): built-in guards that no rule can switch off, then the rules — deny-overrides,
 * default deny, the first matching allow rule (in evaluation order) supplying the grants. Pure: everything it needs is
 * in the {@link DecisionInput} and the {@link RuleIndex}.
 */
public final class DecisionEngine {

    /** A built-in check: {@code check} answers {@code null} when it passes, else what failed. */
    private record Guard(String reasonCode, String description, Function<DecisionInput, String> check) {
    }

    private static final List<Guard> GUARDS = List.of(
            new Guard(SELF_IMPERSONATION, "actor and subject are different users", DecisionEngine::differentUsers),
            new Guard(ACTOR_INACTIVE, "the actor exists and is active", DecisionEngine::actorActive),
            new Guard(SUBJECT_NOT_FOUND, "the subject exists", DecisionEngine::subjectExists),
            new Guard(SUBJECT_INACTIVE, "the subject is active", DecisionEngine::subjectActive),
            new Guard(ORGANIZATION_MISMATCH, "actor and subject are resident in the same organization, the one "
                    + "impersonated in unless this is an organization switch", DecisionEngine::sameResidence),
            new Guard(MISSING_PERMISSION, "the actor holds impersonation (org_impersonation for an organization switch) "
                    + "in their resident organization", DecisionEngine::holdsImpersonationPermission),
            new Guard(PRIVILEGE_CEILING, "the subject's permissions for the client are a subset of the actor's",
                    DecisionEngine::withinPrivilegeCeiling));

    private final int defaultMaxSessionSeconds;

    public DecisionEngine(int defaultMaxSessionSeconds) {
        this.defaultMaxSessionSeconds = defaultMaxSessionSeconds;
    }

    public DecisionResponse decide(DecisionInput input, RuleIndex rules, boolean explain) {
        List<ExplanationEntry> trail = explain ? new ArrayList<>() : null;
        for (Guard guard : GUARDS) {
            String failure = guard.check().apply(input);
            note(trail, guard.reasonCode(), guard.description(), failure);
            if (failure != null) {
                return deny(guard.reasonCode(), null, trail);
            }
        }
        Set<String> actorRoles = input.actorHoldings().roleIds();
        Set<String> subjectRoles = input.subjectHoldings().roleIds();
        BitSet considered = rules.forActor(input.request().actorId(), actorRoles);
        Rule deciding = explain ? explainRules(input, rules, considered, actorRoles, subjectRoles, trail)
                : evaluateRules(input, rules, (BitSet) considered.clone(), subjectRoles);
        if (deciding == null) {
            return deny(clientWouldMatter(input, rules, considered, subjectRoles) ? CLIENT_NOT_ALLOWED : NO_MATCHING_RULE,
                    null, trail);
        }
        if (deciding.deny()) {
            return deny(DENIED_BY_RULE, deciding, trail);
        }
        return grant(input, deciding, trail);
    }

    // ---- guards ----

    private static String differentUsers(DecisionInput in) {
        return in.request().actorId().equals(in.request().subjectId()) ? "actor and subject are the same user" : null;
    }

    private static String actorActive(DecisionInput in) {
        if (in.actor() == null) {
            return "org-service does not know the actor";
        }
        return in.actor().active() ? null : "the actor's status is " + in.actor().status();
    }

    private static String subjectExists(DecisionInput in) {
        return in.subject() == null ? "org-service does not know the subject" : null;
    }

    private static String subjectActive(DecisionInput in) {
        return in.subject().active() ? null : "the subject's status is " + in.subject().status();
    }

    /**
     * Impersonation stays within one organization's own users: an invited parent-organization user and an organization's
     * resident user cannot impersonate each other (the Asgardeo limitation), in either direction.
     */
    private static String sameResidence(DecisionInput in) {
        String actorOrg = in.actor().organizationId();
        String subjectOrg = in.subject().organizationId();
        if (actorOrg == null || !actorOrg.equals(subjectOrg)) {
            return "actor is resident in " + actorOrg + ", subject in " + subjectOrg;
        }
        if (!in.request().organizationSwitch() && !in.organizationId().equals(subjectOrg)) {
            return "impersonation in " + in.organizationId() + " of users resident in " + subjectOrg
                    + " needs an organization switch";
        }
        return null;
    }

    private static String holdsImpersonationPermission(DecisionInput in) {
        String needed = in.request().organizationSwitch() ? Permissions.ORG_IMPERSONATION : Permissions.IMPERSONATION;
        Set<String> held = in.actorHoldings().permissions(in.request().clientId(), in.actor().organizationId());
        return held.contains(needed) ? null : "the actor does not hold " + needed;
    }

    /** You never gain a permission by impersonating (DESIGN §4). */
    private static String withinPrivilegeCeiling(DecisionInput in) {
        String client = in.request().clientId();
        Set<String> beyond = new TreeSet<>(in.subjectHoldings().permissions(client, in.organizationId()));
        beyond.removeAll(in.actorHoldings().permissions(client, in.organizationId()));
        return beyond.isEmpty() ? null : "the subject holds " + beyond + " which the actor does not";
    }

    // ---- rules ----

    /** The deciding rule: the first matching deny rule, else the first matching allow rule, else {@code null}. */
    private static Rule evaluateRules(DecisionInput in, RuleIndex rules, BitSet candidates, Set<String> subjectRoles) {
        rules.narrow(candidates, in.request().clientId(), in.organizationId());
        Rule firstAllow = null;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Rule rule = rules.rule(i);
            if (rule.activeAt(in.now()) && rule.matchesSubject(in.subject(), subjectRoles)) {
                if (rule.deny()) {
                    return rule;
                }
                if (firstAllow == null) {
                    firstAllow = rule;
                }
            }
        }
        return firstAllow;
    }

    /** Same answer as {@link #evaluateRules}, recording every considered rule and why it matched or not. */
    private static Rule explainRules(DecisionInput in, RuleIndex rules, BitSet considered, Set<String> actorRoles,
            Set<String> subjectRoles, List<ExplanationEntry> trail) {
        Rule firstAllow = null;
        Rule firstDeny = null;
        for (int i = considered.nextSetBit(0); i >= 0; i = considered.nextSetBit(i + 1)) {
            Rule rule = rules.rule(i);
            List<String> why = rule.mismatches(in.request().actorId(), actorRoles, in.request().clientId(),
                    in.organizationId(), in.subject(), subjectRoles, in.now());
            trail.add(new ExplanationEntry(ExplanationEntry.RULE, rule.id(), rule.name(), rule.priority(), rule.effect(),
                    why.isEmpty() ? ExplanationEntry.MATCHED : ExplanationEntry.NOT_MATCHED, why));
            if (why.isEmpty() && rule.deny() && firstDeny == null) {
                firstDeny = rule;
            } else if (why.isEmpty() && !rule.deny() && firstAllow == null) {
                firstAllow = rule;
            }
        }
        return firstDeny != null ? firstDeny : firstAllow;
    }

    /** When nothing matched: would an allow rule have matched through another client? Then say so. */
    private static boolean clientWouldMatter(DecisionInput in, RuleIndex rules, BitSet considered,
            Set<String> subjectRoles) {
        BitSet sameOrganization = rules.narrowToOrganization((BitSet) considered.clone(), in.organizationId());
        for (int i = sameOrganization.nextSetBit(0); i >= 0; i = sameOrganization.nextSetBit(i + 1)) {
            Rule rule = rules.rule(i);
            if (!rule.deny() && !rule.matchesClient(in.request().clientId()) && rule.activeAt(in.now())
                    && rule.matchesSubject(in.subject(), subjectRoles)) {
                return true;
            }
        }
        return false;
    }

    // ---- answers ----

    private DecisionResponse grant(DecisionInput in, Rule rule, List<ExplanationEntry> trail) {
        String chaining = in.request().actorTokenHasAct() && !rule.chainingAllowed()
                ? "the actor's token already carries act and rule " + rule.id() + " does not allow chaining"
                : null;
        note(trail, CHAINING_FORBIDDEN, "no chaining unless the rule allows it", chaining);
        if (chaining != null) {
            return deny(CHAINING_FORBIDDEN, rule, trail);
        }
        String reason = rule.reasonRequired() && !in.request().hasReason() ? "rule " + rule.id() + " requires a reason"
                : null;
        note(trail, REASON_REQUIRED, "a reason is given where the rule requires one", reason);
        if (reason != null) {
            return deny(REASON_REQUIRED, rule, trail);
        }
        return new DecisionResponse(DecisionResponse.ALLOW, ALLOWED, grantedScopes(in, rule),
                Objects.requireNonNullElse(rule.maxSessionSeconds(), defaultMaxSessionSeconds), rule.reasonRequired(),
                rule.refreshAllowed(), rule.chainingAllowed(), rule.id(), trail == null ? List.of() : trail);
    }

    /**
     * Requested ∩ the rule's scopes ∩ the subject's own permissions for the client; nothing requested = all the rule and
     * the subject allow. The impersonation permissions themselves only pass where the rule allows chaining.
     */
    private static List<String> grantedScopes(DecisionInput in, Rule rule) {
        Set<String> granted = new TreeSet<>(in.subjectHoldings().permissions(in.request().clientId(), in.organizationId()));
        if (!in.request().scopes().isEmpty()) {
            granted.retainAll(Set.copyOf(in.request().scopes()));
        }
        if (rule.scopes() != null) {
            granted.retainAll(rule.scopes());
        }
        if (!rule.chainingAllowed()) {
            granted.removeAll(Permissions.IMPERSONATION_PERMISSIONS);
        }
        return List.copyOf(granted);
    }

    private static DecisionResponse deny(String reasonCode, Rule rule, List<ExplanationEntry> trail) {
        return new DecisionResponse(DecisionResponse.DENY, reasonCode, List.of(), null,
                rule != null && rule.reasonRequired(), false, false, rule == null ? null : rule.id(),
                trail == null ? List.of() : trail);
    }

    private static void note(List<ExplanationEntry> trail, String reasonCode, String description, String failure) {
        if (trail != null) {
            trail.add(new ExplanationEntry(ExplanationEntry.GUARD, reasonCode, description, null, null,
                    failure == null ? ExplanationEntry.PASSED : ExplanationEntry.FAILED,
                    failure == null ? null : List.of(failure)));
        }
    }
}
